package org.econlab.replication;

/**
 * One run's figures. SWF values are under the run's welfare function; "last 20%" and "exploit" are means over
 * the last 20% of the steps and over the steps {@code k > 0.9 * steps} (the final tenth, where every learning
 * agent plays its best).
 *
 * @param scenario               sample name, e.g. {@code us-fed-100}
 * @param welfare                welfare function id (with its parameter), e.g. {@code inverse_skill}
 * @param planner                planner label ({@link PlannerVariant#label()})
 * @param seed                   run seed
 * @param swfFinal               SWF of the last step
 * @param swfMeanLast20          mean SWF over the last 20% of the steps
 * @param swfExploit             mean SWF over the final tenth
 * @param meanLabor              mean hours per week over the last 20%
 * @param gini                   mean income Gini over the last 20%
 * @param totalTax               mean revenue per step over the last 20%, dollars
 * @param finalRates             the rates of the last step, percent
 * @param zeroIncomeFinal        workers with zero income at the last step
 * @param idleWorkers            mean number of workers at zero hours over the final tenth
 * @param stackelbergRationalSwf welfare of the Stackelberg schedule when every worker best-responds exactly
 */
public record ReplicationRow(String scenario, String welfare, String planner, long seed, double swfFinal,
                             double swfMeanLast20, double swfExploit, double meanLabor, double gini, double totalTax,
                             double[] finalRates, int zeroIncomeFinal, double idleWorkers, double stackelbergRationalSwf) {

    public ReplicationRow {
        finalRates = finalRates.clone();
    }

    @Override
    public double[] finalRates() {
        return finalRates.clone();
    }
}
