package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import labcloud.cli.output.CsvRenderer;
import labcloud.cli.output.Table;
import labcloud.cli.output.TableRenderer;
import org.junit.jupiter.api.Test;

class OutputTest {
    @Test
    void tableFitsEightyColumnsByTruncatingTheWidestTextColumn() {
        Table t = new Table().fixed("ID").left("NAME").left("TAGS").right("$/MONTH");
        t.row("i-0123456789abcdef0", "a-very-long-instance-name-that-goes-on-and-on", "Owner=alice,Project=genomics,Task=rnaseq,Email=alice@lab.example.org", "30.37");
        t.row("i-0fedcba9876543210", "short", "", "1,234.00");
        t.total("total", "", "", "1,264.37");
        String text = TableRenderer.render(t, 80);
        for (String line : text.split("\n")) assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(80);
        assertThat(text).contains("i-0123456789abcdef0").contains("…");
        String[] lines = text.split("\n");
        // right-aligned money column: the figures end in the same column
        assertThat(lines[2].indexOf("30.37") + 5).isEqualTo(lines[3].indexOf("1,234.00") + 8);
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        Table t = new Table().left("A").left("B");
        t.row("x,y", "=HYPERLINK(\"http://evil\")");
        t.row("line\nbreak", "-12.5");
        String csv = CsvRenderer.render(t);
        assertThat(csv).startsWith("A,B\r\n")
                .contains("\"x,y\",\"'=HYPERLINK(\"\"http://evil\"\")\"")
                .contains("\"line\nbreak\",-12.5");
    }
}
