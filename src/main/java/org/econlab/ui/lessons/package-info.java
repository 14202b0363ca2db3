/**
 * Lessons in the window: the chooser that is the window's first screen ({@code LessonChooserView}) and the lesson
 * panel beside the charts ({@code LessonPanelView}), both over one {@code LessonViewModel} (the lesson, the current
 * step, its question and its explanation once the step's numbers are computed). May use the shared window packages
 * and the core ({@code org.econlab.lesson}); the shell gives it a {@code LessonHost} to open scenarios and play two
 * economies side by side.
 */
package org.econlab.ui.lessons;
