/**
 * The scenario drawer: the scenario draft (the editor's view model), its view and forms, the census editor and
 * the rate sliders. May use the shared packages ({@code ui.charts}, {@code ui.run}, {@code ui.widgets}).
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.editor;
