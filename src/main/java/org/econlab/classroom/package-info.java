/**
 * The classroom: students play workers of a run from their phones' browsers while the teacher runs it, and a recorded
 * class replays.
 *
 * <p><b>Owns.</b> The human worker and electorate kinds ({@link org.econlab.classroom.HumanWorkers},
 * {@link org.econlab.classroom.HumanElectorate}, plugged in by {@link org.econlab.classroom.ClassroomKinds}) and where
 * their decisions come from ({@link org.econlab.classroom.HumanInputs}): a live class
 * ({@link org.econlab.classroom.ClassSession}) or a class's run record
 * ({@link org.econlab.classroom.RecordedHumanInputs}); a class scenario's checks
 * ({@link org.econlab.classroom.ClassScenario}); the run's steps as the class sees them
 * ({@link org.econlab.classroom.ClassroomRun}); and the class's web server with the student page under
 * {@code resources/org/econlab/classroom/web/} ({@link org.econlab.classroom.ClassServer}).
 *
 * <p><b>Rooms inside.</b> {@code ClassSession} is a thread-safe facade (one lock) over parts that each hold one
 * responsibility and are tested alone: {@code SeatRegistry} (join code, nicknames, seats, tokens, event streams, rate
 * limits, who is connected), {@code Rounds} (the open round, its timer, the pause, the runner's wait),
 * {@code Decisions} (the rules an answer must meet and each seat's answer), {@code SeatRecord} (what the run did to
 * each seat, for the pages and the reveal), {@code ClassPhase} (waiting, running, finished, stopped, ended) and
 * {@code ClassPrompt} (the teacher's prompt for the class). {@code StudentPage} builds a student's page from them.
 * {@code ClassServer} is HTTP only: host check, body limits, JSON in and out, event streams; every rule about seats
 * and answers lives in the parts.
 *
 * <p><b>May use.</b> The core ({@code economy}, {@code population}, {@code agents}, {@code governance},
 * {@code simulation}, {@code config}, {@code random}), Gson, ZXing (the QR code) and the JDK's HTTP server. Never
 * JavaFX (ArchUnit checks it): the window's classroom panel ({@code org.econlab.ui}) and the command line
 * ({@code org.econlab.cli}) use this package, not the other way round.
 *
 * <p><b>Privacy.</b> A nickname is the only personal datum; it stays in memory and never reaches a file or log.
 */
package org.econlab.classroom;
