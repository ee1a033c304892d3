using System.Net;
using System.Text.Json;
using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Contract;

/// <summary>RULES.md §9's rounds: open, close (now or at a time), freeze, unfreeze, reset, export; and a restart.</summary>
public abstract partial class RoomContractTests
{
    [SkippableFact]
    public async Task Round_actions_need_the_admin_token()
    {
        var room = Start();
        var answer = await room.Round("close", token: null);
        await Problem.Expect(answer, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", answer.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await Problem.Expect(await room.Round("close", token: "wrong"), HttpStatusCode.Unauthorized);
        using var export = await room.Http.GetAsync("/api/export");
        await Problem.Expect(export, HttpStatusCode.Unauthorized);
        await Problem.Expect(await room.Round("explode"), HttpStatusCode.BadRequest);
        await Problem.Expect(await room.Round("close", at: "tomorrow"), HttpStatusCode.BadRequest);
        await room.Accepted(Pack.Run("ada"));
    }

    [SkippableTheory]
    [InlineData("Close")] // §9 names the actions in lower case: no case folding
    [InlineData(" close ")]
    [InlineData("open, close")] // an enum parser reads a comma list as flags
    [InlineData("1")]
    public async Task Only_the_five_action_names_act_on_the_round(string action)
    {
        var room = Start();
        await Problem.Expect(await room.Round(action), HttpStatusCode.BadRequest);
        Assert.False((await room.Board()).GetProperty("round").GetProperty("closed").GetBoolean());
    }

    [SkippableTheory]
    [InlineData("2026-11-26T16:00:00")] // no offset: a facilitator's local time would be read as UTC
    [InlineData("2026-11-26 16:00:00Z")]
    [InlineData("2026-11-26T16:00Z")]
    [InlineData("9999-12-31T23:59:60Z")] // a leap second after the last instant a clock can hold
    public async Task A_close_time_must_be_RFC_3339_with_an_offset(string at)
    {
        var room = Start();
        var problem = await Problem.Expect(await room.Round("close", at: at), HttpStatusCode.BadRequest);
        Assert.Contains("RFC 3339", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await room.Accepted(Pack.Run("ada"));
    }

    [SkippableFact]
    public async Task A_body_that_gives_a_key_twice_or_an_unknown_key_is_refused_naming_it()
    {
        var room = Start();

        // Last-wins would have opened the round the facilitator meant to close; a mistyped "At" would have closed it now.
        var twice = await Problem.Expect(await room.AdminPost("/api/round", """{ "action": "close", "action": "open" }"""), HttpStatusCode.BadRequest);
        Assert.Equal("the body gives the key \"action\" more than once; give each key once", twice.GetProperty("detail").GetString());
        var unknown = await Problem.Expect(await room.AdminPost("/api/round", """{ "action": "close", "At": "2026-11-26T09:30:00Z" }"""), HttpStatusCode.BadRequest);
        Assert.Equal("the body has the key \"At\", which this request does not take; expected: action, at", unknown.GetProperty("detail").GetString());
        var longKey = new string('k', 30_000);
        var quoted = await Problem.Expect(await room.AdminPost("/api/round", $$"""{ "action": "close", "{{longKey}}": 1 }"""), HttpStatusCode.BadRequest);
        Assert.Contains($"\"{LittleRedDot.Content.Excerpt.Of(longKey)}\"", quoted.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(quoted.GetProperty("detail").GetString()!.Length < 200, "a key is quoted only in part (Excerpt)");
        var typed = await Problem.Expect(await room.AdminPost("/api/round", """{ "action": "close", "at": 5 }"""), HttpStatusCode.BadRequest);
        Assert.Equal("the body is not the JSON object expected: the value at $.at must be a string", typed.GetProperty("detail").GetString()); // no .NET type names
        var release = await Problem.Expect(await room.AdminPost("/api/release", """{ "player": "ada", "player": "bob" }"""), HttpStatusCode.BadRequest);
        Assert.Contains("\"player\" more than once", release.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await room.Board()).GetProperty("round").GetProperty("closed").GetBoolean());

        // A run file is read as strictly (RULES.md §7's reader): a second "player" is refused, not the last one taken.
        var run = TestPack.Edit(Pack.Run("ada"), "\"player\": \"ada\"", "\"player\": \"ada\", \"player\": \"bob\"");
        var problem = await Problem.Expect(await room.Submit(run), HttpStatusCode.BadRequest);
        Assert.Contains("duplicate key \"player\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_closed_round_takes_no_run_but_still_recognises_one_it_stored()
    {
        var room = Start();
        var stored = Pack.Run("ada");
        await room.Accepted(stored);
        Assert.Equal(HttpStatusCode.NoContent, (await room.Round("close")).StatusCode);

        var problem = await Problem.Expect(await room.Submit(Pack.Run("bob")), HttpStatusCode.Conflict);
        Assert.Contains("closed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var resent = await room.Submit(stored);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.True((await room.Board()).GetProperty("round").GetProperty("closed").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await room.Round("open")).StatusCode);
        await room.Accepted(Pack.Run("bob"));
    }

    [SkippableFact]
    public async Task A_round_closes_at_the_time_given()
    {
        var room = Start();
        var at = Time.GetUtcNow().AddMinutes(10);
        Assert.Equal(HttpStatusCode.NoContent, (await room.Round("close", at: at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))).StatusCode);

        Time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        await room.Accepted(Pack.Run("ada"));
        Assert.False((await room.Board()).GetProperty("round").GetProperty("closed").GetBoolean());

        Time.Advance(TimeSpan.FromSeconds(1));
        await Problem.Expect(await room.Submit(Pack.Run("bob")), HttpStatusCode.Conflict);
        Assert.True((await room.Board()).GetProperty("round").GetProperty("closed").GetBoolean());
    }

    [SkippableFact]
    public async Task A_frozen_board_stops_changing_while_runs_are_still_taken()
    {
        var room = Start();
        await room.Accepted(Pack.Run("ada"));
        Assert.Equal(HttpStatusCode.NoContent, (await room.Round("freeze")).StatusCode);
        await room.Accepted(Pack.Run("bob"));

        var frozen = await room.Board();
        Assert.True(frozen.GetProperty("round").GetProperty("frozen").GetBoolean());
        Assert.Equal(["ada"], Players(frozen));

        Assert.Equal(HttpStatusCode.NoContent, (await room.Round("unfreeze")).StatusCode);
        Assert.Equal(["ada", "bob"], Players(await room.Board()).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Reset_starts_a_new_round_and_keeps_the_old_one()
    {
        var room = Start();
        var run = Pack.Run("ada");
        await room.Accepted(run);
        Assert.Equal(HttpStatusCode.NoContent, (await room.Round("reset")).StatusCode);

        var board = await room.Board();
        Assert.Empty(board.GetProperty("players").EnumerateArray());
        Assert.Equal(2, board.GetProperty("round").GetProperty("number").GetInt32());
        Assert.Single(await room.Export(round: 1));
        Assert.Empty(await room.Export());

        // Names stay claimed across rounds.
        await Problem.Expect(await room.Submit(run), HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_restart_on_the_same_database_keeps_the_board_the_names_and_the_round()
    {
        var room = Start();
        var token = await room.Accepted(Pack.Run("ada"));
        await room.Accepted(Pack.Run("bob", "t-02"));
        await room.Submit(TestPack.Edit(Pack.Run("eve"), "\"eve\"", "\"mallory\""));
        Assert.Equal(HttpStatusCode.NoContent, (await room.Round("freeze")).StatusCode);
        await room.Accepted(Pack.Run("cy"));
        var before = (await room.Board()).GetRawText();
        await Stop();

        var again = Start();
        Assert.Equal(before, (await again.Board()).GetRawText());
        await Problem.Expect(await again.Submit(Pack.Run("ada", "t-02")), HttpStatusCode.Forbidden);
        Assert.Equal(token, await again.Accepted(Pack.Run("ada", "t-02"), token));
        Assert.Equal(HttpStatusCode.OK, (await again.Submit(Pack.Run("bob", "t-02"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await again.Round("unfreeze")).StatusCode);
        Assert.Equal(["ada", "bob", "cy"], Players(await again.Board()).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Concurrent_submissions_are_each_stored_once()
    {
        var room = Start();
        var players = Enumerable.Range(0, 40).Select(i => $"p{i:D2}").ToArray();
        var distinct = players.Select(p => room.Accepted(Pack.Run(p)));
        var same = Pack.Run("twin");
        var copies = Enumerable.Range(0, 20).Select(_ => room.Submit(same));
        var answers = await Task.WhenAll(copies);
        await Task.WhenAll(distinct);

        // Exactly one of the twenty identical runs was stored (201); the others were recognised (200).
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(players.Append("twin").Order(StringComparer.Ordinal), Players(await room.Board()).Order(StringComparer.Ordinal));
        Assert.Equal(41, (await room.Export()).Length);
    }

    private static string[] Players(JsonElement board) =>
        board.GetProperty("players").EnumerateArray().Select(p => p.GetProperty("player").GetString()!).ToArray();
}
