package com.followthrough;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FollowthroughApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowthroughApplication.class, args);
    }
}
