/**
 * The Side by side tab: two economies on one population and seed under two policies, played in lockstep by one
 * background runner and drawn live on shared axes ({@code SideBySideViewModel}, {@code SideBySideView}). May use the
 * shared window packages and the core.
 */
package org.econlab.ui.sidebyside;
