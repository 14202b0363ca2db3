/**
 * Chart components shared by every section: one class per chart kind with its series model and decimation, the
 * board that decides when each redraws, and the look shared with exported figures ({@link org.econlab.report.ChartStyle}).
 * May use {@code ui.run}, {@code ui.widgets} and the core; never a section.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.charts;
