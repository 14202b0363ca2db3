/**
 * The Runs, comparisons and sweeps window. May use the shared packages.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.publish;
