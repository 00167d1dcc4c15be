package cn.smartfactory.lending.platform;

/**
 * Sample data a feature puts in place on the first start of the {@code demo} profile. The platform
 * runs every seed after the release is deployed and the demo staff exist, in {@link #order()}, and
 * knows nothing of the features behind them.
 */
public interface DemoSeed {

    /** Adds the feature's sample data unless it is there already. */
    void seedOnce();

    /** Lower runs first (a seed may rely on another's data). */
    default int order() {
        return 0;
    }
}
