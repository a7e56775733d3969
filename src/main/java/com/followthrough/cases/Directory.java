package com.followthrough.cases;

/** Who exists: the users and teams people can hand a case to or make its owner. */
public interface Directory {

    boolean isUser(String userId);

    boolean isTeam(String groupId);
}
