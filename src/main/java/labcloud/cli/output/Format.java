package labcloud.cli.output;

/** The --output formats. */
public enum Format {
    TABLE, JSON, CSV
}
