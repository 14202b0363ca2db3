/**
 * The window frame: menus, toolbar, tab area, editor drawer, status line, themes, shortcuts and file commands.
 * It wires the sections together and owns nothing of theirs; it may use every {@code ui} package.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.shell;
