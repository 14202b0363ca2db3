/**
 * The Agents tab: the agent table, its filters and the selected worker. May use the shared packages.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.agents;
