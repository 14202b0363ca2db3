/**
 * Small shared controls and helpers: number formats, dialogs, icons, field help, window placement, background work.
 * May use the core only.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.widgets;
