package io.invicta.tools.topics;

import io.invicta.schemas.Topics;

/**
 * Prints the topic catalogue ({@link Topics}) for {@code scripts/topics}, one topic a line: {@code
 * name|content|key|compacted|description}. The script creates and lists topics from it, so the list
 * of topics has one home, in code.
 */
public final class TopicTable {

    private TopicTable() {}

    public static void main(String[] args) {
        for (Topics.Topic t : Topics.all()) {
            System.out.println(
                    String.join(
                            "|",
                            t.name(),
                            t.content(),
                            t.key(),
                            String.valueOf(t.compacted()),
                            t.description()));
        }
    }
}
