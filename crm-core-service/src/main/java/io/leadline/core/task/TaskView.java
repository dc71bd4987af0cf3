package io.leadline.core.task;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A task with the name of its lead, which its wire form shows. */
public record TaskView(Task task, String leadName) {

    public ObjectNode toJson() {
        return TaskJson.toJson(task, leadName);
    }
}
