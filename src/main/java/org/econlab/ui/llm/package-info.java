/**
 * The LLM tab: what the run's LLM agents asked and answered, usage and cost. May use the shared packages.
 * See {@code docs/package-map.md}.
 */
package org.econlab.ui.llm;
