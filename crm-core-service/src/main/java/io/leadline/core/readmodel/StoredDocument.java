package io.leadline.core.readmodel;

/**
 * An entity that keeps its own wire form in a {@code doc} jsonb column, rendered by its Java mapper (the one that
 * renders its events) before every insert and update, so no write path can forget it. Reads compose their answer
 * from these documents in SQL; fields that depend on other rows are composed there and never trusted from here.
 */
public interface StoredDocument {

    /** Renders the document from the entity's current fields. */
    void renderDocument();
}
