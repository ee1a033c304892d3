using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>
/// `serve` will not host a pack it cannot wholly verify against (RULES.md §6, §8, §9): a malformed level, two
/// levels with one id, or a pack.json that is not used stop it with exit 2 and the same located errors
/// `check-levels` prints for that pack; and its limits live in their own configuration section.
/// </summary>
public sealed class ServePackTests : IDisposable
{
    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    private InProcess.Result Serve(IReadOnlyDictionary<string, string?>? configuration = null) =>
        InProcess.Run(
            new InProcess.Options { Configuration = configuration },
            "serve", "pack", "--levels", levels.Root, "--urls", "http://127.0.0.1:0", "--db", levels.Combine("room.db"), "--admin-token", "t");

    /// <summary>The "error:" lines `check-levels` prints for the pack's folder (its report on standard output aside).</summary>
    private string[] CheckLevelsErrors(out int exit)
    {
        var check = InProcess.Run("check-levels", levels.Combine("levels", "pack"), "--levels", levels.Root);
        exit = check.Exit;
        var fromReport = check.Out.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("error: ", StringComparison.Ordinal));
        var fromErrors = check.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. fromReport, .. fromErrors];
    }

    [Fact]
    public void A_malformed_level_stops_serve_with_exit_2_and_the_error_check_levels_gives()
    {
        levels.Write("levels/pack/t-broken.level.json", LevelsFolder.Level.Replace("\"t-01\"", "\"t-broken\"", StringComparison.Ordinal).Replace("\"budget\"", "\"budgett\"", StringComparison.Ordinal));
        var result = Serve();
        Assert.True(result.Exit == 2, result.ToString());
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(errors, e => e.Contains("t-broken.level.json: $.budgett: unknown key \"budgett\"", StringComparison.Ordinal));
        Assert.EndsWith("until it is fixed; `littlereddot check-levels " + levels.Combine("levels", "pack") + "` checks it", errors[^1], StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);

        // check-levels reports the same errors (its lines name the file once, in the report's heading) and fails.
        var check = CheckLevelsErrors(out var checkExit);
        Assert.Equal(1, checkExit);
        Assert.Contains(check, e => e.EndsWith("$.budgett: unknown key \"budgett\"; expected one of: " + UnknownKeyList(errors), StringComparison.Ordinal));
    }

    [Fact]
    public void Two_levels_with_one_id_stop_serve_naming_both_files_as_check_levels_does()
    {
        var copy = levels.Write("levels/pack/t-copy.level.json", LevelsFolder.Level);
        var result = Serve();
        Assert.True(result.Exit == 2, result.ToString());
        var original = levels.LevelPath;
        Assert.Contains($"error: {original}: $.id: the id \"t-01\" is also used by {copy}; level ids must be unique under the levels folder", result.Error, StringComparison.Ordinal);
        Assert.Contains($"error: {copy}: $.id: the id \"t-01\" is also used by {original}; level ids must be unique under the levels folder", result.Error, StringComparison.Ordinal);

        var check = CheckLevelsErrors(out var checkExit);
        Assert.Equal(1, checkExit);
        Assert.Contains(check, e => e == $"error: $.id: the id \"t-01\" is also used by {copy}; level ids must be unique under the levels folder");
    }

    [Fact]
    public void A_malformed_pack_json_is_never_silent()
    {
        // "workshop": "yes" is not a boolean: read silently, the workshop pack would become a plain one (hints on).
        var packJson = levels.Write("levels/pack/pack.json", """{ "title": "Room", "workshop": "yes" }""");
        const string consequence = "this pack.json is not used until it is fixed, so the pack is shown under its folder name as a plain pack (not a workshop pack, no predictions)";

        var serve = Serve();
        Assert.True(serve.Exit == 2, serve.ToString());
        Assert.Contains($"error: {packJson}: $.workshop:", serve.Error, StringComparison.Ordinal);
        Assert.Contains(consequence, serve.Error, StringComparison.Ordinal);

        var check = InProcess.Run("check-levels", levels.Combine("levels", "pack"), "--levels", levels.Root);
        Assert.True(check.Exit == 1, check.ToString());
        Assert.Contains($"error: {packJson}: $.workshop:", check.Error, StringComparison.Ordinal);

        var list = InProcess.Run("levels", "--levels", levels.Root);
        Assert.Equal(0, list.Exit);
        Assert.Contains(consequence, list.Out, StringComparison.Ordinal);
        var json = InProcess.Run("levels", "--levels", levels.Root, "--json");
        using var listed = System.Text.Json.JsonDocument.Parse(json.Out);
        var pack = listed.RootElement[0];
        Assert.False(pack.GetProperty("workshop").GetBoolean());
        Assert.Contains(consequence, pack.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_servers_limits_are_their_own_section_apart_from_the_players_room()
    {
        // A player's room (a URL, LittleRedDot:Room) beside the server's limits: each is read as itself.
        var bad = Serve(new Dictionary<string, string?> { ["LittleRedDot:Room"] = "http://127.0.0.1:5055", ["LittleRedDot:Serve:Burst"] = "0" });
        Assert.True(bad.Exit == 2, bad.ToString());
        Assert.Equal("error: LittleRedDot:Serve:Burst must be a whole number above 0, not \"0\"", bad.Error.TrimEnd('\n'));

        // The old place is not read any more: a limit under the player's room cannot clash with the room's URL.
        var old = InProcess.Run(
            new InProcess.Options { Configuration = new Dictionary<string, string?> { ["LittleRedDot:Room:Burst"] = "0", ["LittleRedDot:Serve:RequestsPerSecond"] = "x" } },
            "serve", "pack", "--levels", levels.Root, "--urls", "http://127.0.0.1:0", "--db", levels.Combine("room.db"), "--admin-token", "t");
        Assert.Equal("error: LittleRedDot:Serve:RequestsPerSecond must be a whole number above 0, not \"x\"", old.Error.TrimEnd('\n'));
    }

    private static string UnknownKeyList(string[] serveErrors)
    {
        var line = serveErrors.First(e => e.Contains("unknown key \"budgett\"", StringComparison.Ordinal));
        return line[(line.IndexOf("expected one of: ", StringComparison.Ordinal) + "expected one of: ".Length)..];
    }
}
