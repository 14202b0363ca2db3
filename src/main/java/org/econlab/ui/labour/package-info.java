/**
 * The Labour & welfare tab: hours now, Gini, tax and rebate. May use the shared packages.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.labour;
