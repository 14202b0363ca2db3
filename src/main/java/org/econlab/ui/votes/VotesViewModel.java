package org.econlab.ui.votes;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.econlab.report.PersonaWords;
import org.econlab.simulation.Scenario;
import org.econlab.ui.run.LiveStep;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The Votes tab's state, without a screen: the run's elections (newest first, as the table lists them), each winner
 * named with its persona, whether the scenario votes at all, and what the platform column shows (the platforms
 * candidates promised, or, when the scenario has none, the change of rates each election made). FX thread (a plain
 * thread in tests).
 */
public final class VotesViewModel {

    /** The platform column's title when candidates promise platforms. */
    public static final String PLATFORM_TITLE = "Platform (Δ pp)";
    /** The platform column's title when they do not: what each election changed. */
    public static final String CHANGE_TITLE = "Rate change (Δ pp)";

    /**
     * One election as the table shows it.
     *
     * @param row    the election
     * @param winner       the winner briefly: "#78 Production, F 59 (31 ballots)", the persona left out for workers
     *                     without one
     * @param winnerInFull the winner's number and whole persona, for its tooltip: "#78 · Production occupations,
     *                     Female, 59"
     */
    public record Election(ElectionHistory.Row row, String winner, String winnerInFull) {
    }

    private final ElectionHistory history = new ElectionHistory();
    private final ObservableList<Election> newestFirst = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper voting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper platformTitle = new ReadOnlyStringWrapper(CHANGE_TITLE);
    private final IntFunction<String> personaOf;

    /** @param personaOf a worker's persona in a few words for the current run ("" for none) */
    public VotesViewModel(IntFunction<String> personaOf) {
        this.personaOf = personaOf;
    }

    /** A new run of {@code s}: no elections yet. */
    public void reset(Scenario s) {
        history.clear();
        newestFirst.clear();
        voting.set("democratic".equals(s.planner().kind()));
        platformTitle.set(CHANGE_TITLE);
    }

    /** Reads a batch of steps; every election in it goes to the top of the list. */
    public void append(List<LiveStep> batch) {
        for (LiveStep l : batch) {
            ElectionHistory.Row r = history.add(l.snapshot());
            if (r != null) {
                newestFirst.add(0, new Election(r, winner(r), PersonaWords.inFull(r.winner(), personaOf.apply(r.winner()))));
                if (r.promised()) {
                    platformTitle.set(PLATFORM_TITLE);
                }
            }
        }
    }

    private String winner(ElectionHistory.Row r) {
        return PersonaWords.named(r.winner(), personaOf.apply(r.winner())) + " (" + r.winnerVotes()
                + (r.winnerVotes() == 1 ? " ballot)" : " ballots)");
    }

    /** The elections, newest first (the table's items). */
    public ObservableList<Election> elections() {
        return newestFirst;
    }

    /** The elections in the order they were held. */
    public List<ElectionHistory.Row> chronological() {
        return history.rows();
    }

    /** Whether the scenario elects its planner (else the tab explains how to get elections). */
    public ReadOnlyBooleanProperty votingProperty() {
        return voting.getReadOnlyProperty();
    }

    /** The platform column's title: {@link #PLATFORM_TITLE} once a platform was promised, else {@link #CHANGE_TITLE}. */
    public ReadOnlyStringProperty platformTitleProperty() {
        return platformTitle.getReadOnlyProperty();
    }
}
