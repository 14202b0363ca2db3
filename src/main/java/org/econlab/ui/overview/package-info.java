/**
 * The monitors strip above the tabs. May use the shared packages.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.overview;
