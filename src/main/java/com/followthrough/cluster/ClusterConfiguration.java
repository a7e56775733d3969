package com.followthrough.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** The per-node setting the README names: it also names the node in the engine's job log (history level full). */
    static final String NODE_NAME = "camunda.bpm.generic-properties.properties.hostname";

    @Bean
    Node node(JdbcClient jdbc, ClusterProperties properties, Environment environment) {
        return new Node(nodeName(environment), jdbc, Clock.systemUTC(), properties.deadAfter());
    }

    @Bean
    NodeHeartbeat nodeHeartbeat(Node node, ClusterProperties properties) {
        return new NodeHeartbeat(node, properties.heartbeatInterval());
    }

    static String nodeName(Environment environment) {
        String configured = environment.getProperty(NODE_NAME);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
