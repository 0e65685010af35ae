package dev.sherd.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.cli.CliArguments.Command;
import dev.sherd.jdbc.cli.CliArguments.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliArgumentsTest {

  @Test
  void parse_noArguments_isShellOnDemo() throws UsageException {
    CliArguments a = CliArguments.parse();
    assertEquals(Command.SHELL, a.command());
    assertTrue(a.demo());
    assertEquals(Optional.empty(), a.config());
    assertEquals(List.of(), a.statements());
  }

  @Test
  void parse_demoAlone_isShowcase() throws UsageException {
    assertEquals(Command.SHOWCASE, CliArguments.parse("--demo").command());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void parse_help_winsOverOtherOptions(String help) throws UsageException {
    assertEquals(Command.HELP, CliArguments.parse("--demo", "-e", "SELECT 1", help).command());
    assertEquals(Command.HELP, CliArguments.parse("--demo", "--config", "c.yaml", help).command());
  }

  @Test
  void parse_repeatedE_keepsStatementsInOrder() throws UsageException {
    CliArguments a = CliArguments.parse("-e", "SELECT 1", "--demo", "-e", "SELECT 2",
        "--execute", "SELECT 3");
    assertEquals(Command.EXECUTE, a.command());
    assertTrue(a.demo());
    assertEquals(List.of("SELECT 1", "SELECT 2", "SELECT 3"), a.statements());
  }

  @Test
  void parse_configWithE_isExecuteOnThatFile() throws UsageException {
    CliArguments a = CliArguments.parse("--config", "conf/cluster.yaml", "-e", "SELECT 1");
    assertEquals(Command.EXECUTE, a.command());
    assertFalse(a.demo());
    assertEquals(Optional.of(Path.of("conf/cluster.yaml")), a.config());
  }

  @Test
  void parse_configWithEquals_isTheSameAsSeparateValue() throws UsageException {
    CliArguments a = CliArguments.parse("--config=cluster.yaml", "-e", "SELECT 1");
    assertEquals(Optional.of(Path.of("cluster.yaml")), a.config());
  }

  @Test
  void parse_statementStartingWithDash_isTakenAsSql() throws UsageException {
    assertEquals(List.of("-- comment\nSELECT 1"),
        CliArguments.parse("--demo", "-e", "-- comment\nSELECT 1").statements());
  }

  @Test
  void parse_eWithoutCluster_failsNamingBothChoices() {
    UsageException e = assertThrows(UsageException.class, () -> CliArguments.parse("-e", "SELECT 1"));
    assertEquals("-e needs a cluster: give --config FILE or --demo", e.getMessage());
  }

  @Test
  void parse_demoAndConfig_fails() {
    UsageException e = assertThrows(UsageException.class,
        () -> CliArguments.parse("--demo", "--config", "c.yaml", "-e", "SELECT 1"));
    assertTrue(e.getMessage().contains("give one"), e.getMessage());
  }

  @Test
  void parse_configWithoutStatements_isShellOnThatFile() throws UsageException {
    CliArguments a = CliArguments.parse("--config", "c.yaml");
    assertEquals(Command.SHELL, a.command());
    assertFalse(a.demo());
    assertEquals(Optional.of(Path.of("c.yaml")), a.config());
  }

  @Test
  void parse_demoAndConfigWithoutStatements_fails() {
    UsageException e = assertThrows(UsageException.class,
        () -> CliArguments.parse("--demo", "--config", "c.yaml"));
    assertTrue(e.getMessage().contains("give one"), e.getMessage());
  }

  @Test
  void parse_configTwice_failsNamingTheFirst() {
    UsageException e = assertThrows(UsageException.class,
        () -> CliArguments.parse("--config", "a.yaml", "--config", "b.yaml", "-e", "SELECT 1"));
    assertEquals("--config was already given as a.yaml", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-e", "--execute", "--config"})
  void parse_optionWithoutValue_failsNamingIt(String option) {
    UsageException e = assertThrows(UsageException.class, () -> CliArguments.parse("--demo", option));
    assertTrue(e.getMessage().startsWith(option + " needs "), e.getMessage());
  }

  @Test
  void parse_blankStatement_fails() {
    assertThrows(UsageException.class, () -> CliArguments.parse("--demo", "-e", "  "));
  }

  @Test
  void parse_emptyConfigValue_fails() {
    assertThrows(UsageException.class, () -> CliArguments.parse("--config=", "-e", "SELECT 1"));
  }

  @Test
  void parse_unknownOption_failsNamingIt() {
    UsageException e = assertThrows(UsageException.class, () -> CliArguments.parse("--demo", "--fast"));
    assertEquals("unknown option --fast", e.getMessage());
  }

  @Test
  void parse_bareSql_failsPointingAtE() {
    UsageException e = assertThrows(UsageException.class,
        () -> CliArguments.parse("--demo", "SELECT 1"));
    assertTrue(e.getMessage().contains("-e"), e.getMessage());
  }

  @Test
  void usage_mentionsEveryOption() {
    String usage = CliArguments.usage();
    for (String option : List.of("--demo", "--config FILE", "-e SQL", "--help")) {
      assertTrue(usage.contains(option), option);
    }
  }
}
