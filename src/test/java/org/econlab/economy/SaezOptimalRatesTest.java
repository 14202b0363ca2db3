package org.econlab.economy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every test vector of paper-model §8.1, to 0.01 percentage points. */
class SaezOptimalRatesTest {

    private static final double[] FIVE = {673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855};
    private static final double[] TEN = {673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855, 267.8131, 99.6462,
        2660.0066, 1226.8285, 1608.8451};
    private static final TaxBrackets THREE = BracketPreset.THREE.brackets();
    private static final TaxBrackets US = BracketPreset.US_FED_2024.brackets();

    private static void assertRates(double[] expected, double[] actual) {
        assertArrayEquals(expected, actual, 0.0100001);
    }

    @Test
    void fiveAgentsThreeBracketsElasticityThree() {
        assertRates(new double[] {53.15, 23.97, 3.23}, SaezOptimalRates.ratesPercent(FIVE, THREE, 3.0));
    }

    @Test
    void fiveAgentsThreeBracketsSaez2002Elasticities() {
        assertRates(new double[] {94.98, 89.58, 14.93}, SaezOptimalRates.ratesPercent(FIVE, THREE, 0.18, 0.11, 0.57));
    }

    @Test
    void fiveAgentsThreeBracketsElasticityPointFour() {
        assertRates(new double[] {89.48, 70.28, 20.00}, SaezOptimalRates.ratesPercent(FIVE, THREE, 0.4));
    }

    @Test
    void fiveAgentsUsFederalElasticityThree() {
        assertRates(new double[] {0.00, 64.70, 40.52, 21.89, 13.02, 14.52, 3.23},
                SaezOptimalRates.ratesPercent(FIVE, US, 3.0));
    }

    @Test
    void fiveAgentsUsFederalElasticityPointFour() {
        assertRates(new double[] {0.00, 93.22, 83.63, 67.76, 52.88, 56.02, 20.00},
                SaezOptimalRates.ratesPercent(FIVE, US, 0.4));
    }

    @Test
    void tenSeed42AgentsThreeBrackets() {
        assertRates(new double[] {55.91, 22.40, 3.23}, SaezOptimalRates.ratesPercent(TEN, THREE, 3.0));
    }

    @Test
    void tenSeed42AgentsUsFederal() {
        assertRates(new double[] {0.00, 93.96, 83.39, 66.15, 51.28, 48.72, 20.00},
                SaezOptimalRates.ratesPercent(TEN, US, 0.4));
    }

    @Test
    void hundredSeed42DrawsThreeBrackets() {
        assertRates(new double[] {50.03, 21.26, 3.23},
                SaezOptimalRates.ratesPercent(NumpyLegacyUniforms.seed42Skills(100), THREE, 3.0));
    }

    @Test
    void hundredSeed42DrawsUsFederalElasticityThree() {
        assertRates(new double[] {87.38, 62.51, 33.79, 18.86, 12.99, 13.36, 3.23},
                SaezOptimalRates.ratesPercent(NumpyLegacyUniforms.seed42Skills(100), US, 3.0));
    }

    @Test
    void hundredSeed42DrawsUsFederalElasticityPointFour() {
        assertRates(new double[] {98.11, 92.60, 79.28, 63.54, 52.82, 53.64, 20.00},
                SaezOptimalRates.ratesPercent(NumpyLegacyUniforms.seed42Skills(100), US, 0.4));
    }

    @Test
    void flatBracketIsTwentyPercentForAnyoneAtElasticityPointFour() {
        assertRates(new double[] {20.00}, SaezOptimalRates.ratesPercent(FIVE, BracketPreset.FLAT.brackets(), 0.4));
        assertRates(new double[] {20.00}, SaezOptimalRates.ratesPercent(TEN, BracketPreset.FLAT.brackets(), 0.4));
    }

    @Test
    void elasticityCountMustMatchTheBrackets() {
        assertThrows(IllegalArgumentException.class, () -> SaezOptimalRates.ratesPercent(FIVE, THREE, 0.1, 0.2));
    }
}
