/**
 * The Seeds tab: several seeds of one scenario, a row per seed and the band on the charts. May use the shared
 * packages.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.seeds;
