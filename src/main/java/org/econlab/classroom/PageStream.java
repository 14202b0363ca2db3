package org.econlab.classroom;

/**
 * Receives the latest view of one student's page (JSON text) while the page holds its event stream open; latest
 * wins. Called under the {@link ClassSession}'s lock, so implementations only hand the text over and never block.
 */
interface PageStream {

    /** The page's new view. */
    void send(String json);

    /** The stream ends (the seat was given up, taken over or the class ended), after the last view sent. */
    void close(String why);
}
