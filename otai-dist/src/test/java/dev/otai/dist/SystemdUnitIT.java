package dev.otai.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otai.dist.Installation.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy/otai.service} passes {@code systemd-analyze verify} against an unpacked archive's launcher. */
class SystemdUnitIT {

    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path empty;

    @TempDir
    Path units;

    @Test
    void the_unit_verifies_without_a_warning() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed");
        Installation installation = Installation.unpack(empty);
        String unit = Files.readString(Path.of(System.getProperty("otai.repository"), "deploy/otai.service"));
        assertThat(unit).contains("ExecStart=/opt/otai/bin/otai run").contains("ProtectSystem=strict")
                .contains("ReadWritePaths=/var/lib/otai").contains("NoNewPrivileges=yes")
                .contains("ExecReload=/bin/kill -HUP $MAINPID").contains("User=otai");
        Path installed = Files.writeString(units.resolve("otai.service"),
                unit.replace("/opt/otai/bin/otai", installation.path("bin/otai").toString()));

        Outcome verify = Installation.exec(units, Map.of(), List.of(ANALYZE.toString(), "verify", installed.toString()));

        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.err()).isEmpty();
    }
}
