package labcloud.advise;

/**
 * One place to keep the data, priced for the project.
 *
 * @param monthlyStorage     storing the data for a month
 * @param retrievalPerGb     fee per GB read back (0: none)
 * @param monthlyRetrieval   reading the data back once per run, for a month's runs
 * @param minimumDays        the class bills at least this many days for what it stores (0: none)
 * @param projectTotal       storage for max(months, minimum) plus the retrievals of every month
 */
public record StorageOption(String id, String name, Double perGbMonth, Double monthlyStorage, Double retrievalPerGb,
                            Double monthlyRetrieval, int minimumDays, Double projectTotal, String note) {}
