/**
 * The Votes tab: the leader and ballot charts and the election history. May use the shared packages.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.votes;
