/**
 * The run being watched, shared by every section: the run view model, live steps, the agent probe and multi-seed
 * ensembles. No JavaFX controls: testable without a screen. May use the core only.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.run;
