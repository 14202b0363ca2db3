/**
 * The Class tab: start a class, seats, QR code and rounds. May use the shared packages and
 * {@code org.econlab.classroom}.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.classroom;
