using System.Net;
using System.Text.Json;
using LittleRedDot.Cli.Tests.TestSupport;
using LittleRedDot.Content;
using LittleRedDot.TestSupport;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>
/// The verbs that talk to a room (RULES.md §8, §9), in-process against a fake room: `run --submit` (0 when
/// stored or waiting in the outbox, 1 when refused), `board URL` through the board formatter, and `room`.
/// </summary>
public sealed class RoomVerbsTests : IDisposable
{
    private const string Url = "http://127.0.0.1:5055";
    private readonly LevelsFolder levels = new();
    private readonly FakeRoom room = new();
    private readonly UserFolders folders;

    public RoomVerbsTests()
    {
        var home = levels.Combine("home");
        folders = new UserFolders(v => v switch { "XDG_DATA_HOME" => Path.Combine(home, "data"), "XDG_CONFIG_HOME" => Path.Combine(home, "config"), _ => null }, home);
    }

    public void Dispose()
    {
        room.Dispose();
        levels.Dispose();
    }

    private InProcess.Result Run(params string[] args) =>
        InProcess.Run(new InProcess.Options { Room = room, Folders = folders }, [.. args, "--levels", levels.Root]);

    private InProcess.Result Submit(string alpha, params string[] more) =>
        Run(["run", "t-01", "--alpha", alpha, "--beta0", "0", "--beta1", "0", "--submit", Url, .. more]);

    private string OutboxFolder => Path.Combine(folders.Data!, "outbox");

    [Fact]
    public void A_stored_run_exits_0_and_the_room_gets_the_same_bytes_as_save_writes()
    {
        var saved = levels.Combine("ada.run.json");

        var result = Submit("0.1", "--save", saved);

        Assert.Equal(0, result.Exit);
        Assert.Contains($"submitted: the room {Url} stored the run", result.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(saved), Assert.Single(room.Requests).Body);
        Assert.Contains("reached the valley", result.Out, StringComparison.Ordinal); // the run's own report is printed as without --submit
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void A_room_out_of_reach_exits_0_with_the_run_waiting_and_the_next_submit_delivers_it()
    {
        room.Up = false;
        var waiting = Submit("0.1");

        Assert.Equal(0, waiting.Exit);
        Assert.Contains("waiting: the room http://127.0.0.1:5055 cannot be reached", waiting.Error, StringComparison.Ordinal);
        Assert.Contains("1 waiting", waiting.Error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(OutboxFolder, "*.run.json", SearchOption.AllDirectories));

        room.Up = true;
        var next = Submit("0.05");

        Assert.Equal(0, next.Exit);
        Assert.Contains("sent 1 earlier run that waited in the outbox", next.Error, StringComparison.Ordinal);
        Assert.Equal(2, room.StoredDigests.Count);
        Assert.Empty(Directory.GetFiles(OutboxFolder, "*.run.json", SearchOption.TopDirectoryOnly));
        Assert.Equal(2, room.Requests.Count); // each run sent once
    }

    [Fact]
    public void A_refused_run_exits_1_with_the_rooms_reason()
    {
        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.Conflict, "The round is closed", "runs are no longer taken"));

        var result = Submit("0.1");

        Assert.Equal(1, result.Exit);
        Assert.Contains("refused: the room refused the run (409 The round is closed: runs are no longer taken)", result.Error, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Theory]
    [InlineData(HttpStatusCode.Found, "text/html")]
    [InlineData(HttpStatusCode.NotFound, "text/html")]
    public void A_redirect_or_a_404_from_no_room_keeps_the_run_in_the_outbox_and_exits_0(HttpStatusCode status, string mediaType)
    {
        room.Next.Enqueue(_ => FakeRoom.Json(status, "<html>not a room</html>", mediaType));

        var result = Submit("0.1");

        // No room refused it: the run waits to go again, as after a 5xx.
        Assert.Equal(0, result.Exit);
        Assert.Contains($"waiting: the room {Url} could not take the run now ({(int)status} ", result.Error, StringComparison.Ordinal);
        var kept = Assert.Single(Directory.GetFiles(OutboxFolder, "*.run.json", SearchOption.AllDirectories));
        Assert.NotEqual("refused", Path.GetFileName(Path.GetDirectoryName(kept)));
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void A_refusal_with_escape_sequences_reaches_the_terminal_escaped()
    {
        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.Forbidden, "Name \u001b[31mclaimed", "\u0007"));

        var result = Submit("0.1");

        Assert.Equal(1, result.Exit);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Submit_with_an_address_that_is_not_a_url_is_bad_usage()
    {
        var result = Run("run", "t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--submit", "room.local:5055");

        Assert.Equal(2, result.Exit);
        Assert.Contains("give it as http://HOST:PORT", result.Error, StringComparison.Ordinal);
        Assert.Empty(room.Requests);
    }

    [Fact]
    public void Board_url_prints_the_rooms_board_through_the_formatter()
    {
        Assert.Equal(0, Submit("0.1").Exit);

        var table = Run("board", Url);
        var json = Run("board", Url, "--format", "json");

        Assert.Equal(0, table.Exit);
        Assert.Contains($"Leaderboard: room at {Url}", table.Out, StringComparison.Ordinal);
        Assert.Contains(" ada ", table.Out, StringComparison.Ordinal);
        using var board = JsonDocument.Parse(json.Out);
        var ada = Assert.Single(board.RootElement.GetProperty("players").EnumerateArray());
        Assert.Equal("ada", ada.GetProperty("player").GetString());
        Assert.Equal(100, ada.GetProperty("levels").GetProperty("t-01").GetInt64()); // the fake room's score: 100 per stored run
    }

    [Fact]
    public void Board_pack_url_heads_the_columns_with_the_packs_levels()
    {
        var result = Run("board", "pack", Url);

        Assert.Equal(0, result.Exit);
        Assert.Contains("rank  player  score  stars  bounces  t-01  t-fixed  t-point", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Board_pack_url_says_so_when_the_room_ranks_none_of_the_packs_levels()
    {
        // Oracle: the pack's levels are t-01, t-fixed, t-point; a room serving another pack ranks other ids. Its totals are
        // that pack's, so the board says so rather than show them under this pack's empty columns (attacker round 5).
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, "{\"title\":\"Other\",\"players\":[],\"rejected\":[],\"levels\":[\"article-01\",\"article-02\"]}", "application/json"));

        var result = Run("board", "pack", Url);

        Assert.Equal(0, result.Exit);
        Assert.Equal("the room ranks none of this pack's levels (it ranks article-01, article-02): is it serving another pack?", result.Error.Trim());
        Assert.Equal(0, Submit("0.1").Exit);
        Assert.Equal(string.Empty, Run("board", "pack", Url).Error); // now the fake room's own board, which ranks t-01
    }

    [Fact]
    public void Board_url_of_a_room_that_is_down_is_one_line_and_exit_2()
    {
        room.Up = false;

        var result = Run("board", Url);

        Assert.Equal(2, result.Exit);
        Assert.StartsWith($"error: the room {Url} cannot be reached (", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Board_url_watch_prints_and_stops_on_ctrl_c_with_130()
    {
        using var interrupted = new CancellationTokenSource();
        interrupted.Cancel();

        var result = InProcess.Run(new InProcess.Options { Room = room, Folders = folders, Cancellation = interrupted.Token }, "board", Url, "--watch");

        Assert.Equal(130, result.Exit);
        Assert.Contains($"(watching {Url}; updated ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Room_close_at_a_time_posts_it_with_the_admin_token()
    {
        room.Next.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var result = Run("room", Url, "close", "--at", "2026-11-26T11:30:00Z", "--admin-token", "adm");

        Assert.Equal(0, result.Exit);
        Assert.Equal($"{Url}: close at 2026-11-26T11:30:00Z done", result.Error.Trim());
        var seen = Assert.Single(room.Requests);
        Assert.Equal(("/api/round", "Bearer adm"), (seen.Path, seen.Authorization));
    }

    [Theory]
    // Issue 14, round two: a time without 'Z' or an offset was taken as UTC. Oracle: RFC 3339 §5.6 requires time-offset.
    [InlineData("2026-11-29T16:00:00")]
    [InlineData("2026-11-29T16:00:00.5")]
    [InlineData("2026-11-29 16:00:00Z")]
    [InlineData("2026-11-29T16:00Z")]
    [InlineData(" 2026-11-29T16:00:00Z")]
    [InlineData("9999-12-31T23:59:60Z")]
    public void Room_refuses_a_time_without_an_offset_naming_the_form_and_exits_2(string time)
    {
        var result = Run("room", Url, "close", "--at", time, "--admin-token", "adm");

        Assert.Equal(2, result.Exit);
        Assert.Contains("is not an RFC 3339 time with 'Z' or an offset; write it like 2026-11-26T11:30:00Z or 2026-11-26T12:30:00+01:00", result.Error, StringComparison.Ordinal);
        Assert.Empty(room.Requests);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Room_reads_an_offset_and_sends_the_instant_in_utc()
    {
        room.Next.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        // Oracle: 12:30 at +01:00 is 11:30 UTC.
        var result = Run("room", Url, "close", "--at", "2026-11-26T12:30:00+01:00", "--admin-token", "adm");

        Assert.Equal(0, result.Exit);
        Assert.Equal($"{Url}: close at 2026-11-26T11:30:00Z done", result.Error.Trim());
        Assert.Contains("\"2026-11-26T11:30:00Z\"", System.Text.Encoding.UTF8.GetString(Assert.Single(room.Requests).Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Room_takes_the_admin_token_from_configuration_and_says_where_when_it_is_missing()
    {
        var missing = Run("room", Url, "freeze");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("LITTLEREDDOT__ADMINTOKEN", missing.Error, StringComparison.Ordinal);
        Assert.Empty(room.Requests);

        room.Next.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var configured = InProcess.Run(
            new InProcess.Options { Room = room, Folders = folders, Configuration = new Dictionary<string, string?> { ["LittleRedDot:AdminToken"] = "from-config" } },
            "room", Url, "freeze");
        Assert.Equal(0, configured.Exit);
        Assert.Equal("Bearer from-config", Assert.Single(room.Requests).Authorization);
    }

    [Fact]
    public void Room_with_a_wrong_token_is_one_line_and_exit_2()
    {
        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.Unauthorized, "Unauthorized", "wrong admin token"));

        var result = Run("room", Url, "reset", "--admin-token", "nope");

        Assert.Equal(2, result.Exit);
        Assert.Equal($"error: the room {Url} answered 401 Unauthorized: wrong admin token", result.Error.Trim()); // the room's own words say what to do
    }

    [Fact]
    public void Room_export_prints_the_submissions_as_json_lines()
    {
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, "{\"player\":\"ada\"}\n{\"player\":\"bob\"}\n", "application/x-ndjson"));

        var result = Run("room", Url, "export", "--admin-token", "adm");

        Assert.Equal(0, result.Exit);
        Assert.Equal(["{\"player\":\"ada\"}", "{\"player\":\"bob\"}"], result.Out.TrimEnd().Split(Environment.NewLine));
    }

    [Theory]
    [InlineData("room", Url, "close", "--at", "tomorrow", "--admin-token", "a")]
    [InlineData("room", Url, "launch", "--admin-token", "a")]
    [InlineData("room", "not-a-url", "open", "--admin-token", "a")]
    public void Room_bad_usage_exits_2_without_asking_the_room(params string[] args)
    {
        var result = Run(args);

        Assert.Equal(2, result.Exit);
        Assert.Empty(room.Requests);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void A_token_the_settings_file_cannot_keep_is_printed_and_given_back_with_token_the_name_stays_the_players()
    {
        // The config folder is a file: the settings file can never be written (issue 14).
        var config = Path.GetDirectoryName(folders.SettingsFile!)!;
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, "a file where the config folder should be");

        var first = Submit("0.1", "--player", "ada");
        var refused = Submit("0.05", "--player", "ada");
        var byHand = Submit("0.05", "--player", "ada", "--token", FakeRoom.TokenFor("ada"));

        // Oracle: the fake room's token for "ada", which it demands of every later run of the name (else 403).
        Assert.Equal(0, first.Exit);
        Assert.Contains($"--token {FakeRoom.TokenFor("ada")}", first.Error, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Equal(0, byHand.Exit);
        Assert.Equal(FakeRoom.TokenFor("ada"), room.Requests[^1].PlayerToken);
    }

    [Fact]
    public void Without_a_home_folder_a_submit_keeps_nothing_and_says_why()
    {
        var homeless = new UserFolders(v => v == "HOME" ? "relative/home" : null, string.Empty);

        var result = InProcess.Run(new InProcess.Options { Room = room, Folders = homeless }, ["run", "t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--submit", Url, "--levels", levels.Root]);

        Assert.Equal(2, result.Exit); // RULES.md §8: a usage problem
        Assert.Contains(UserFolders.NoHome, result.Error, StringComparison.Ordinal);
        Assert.Empty(room.Requests);
        Assert.Empty(result.Out); // refused before the run, not after printing it
    }
}
