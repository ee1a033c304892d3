using System.Net;
using System.Text;
using System.Text.Json;
using LittleRedDot.Content.Rooms;
using LittleRedDot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Content.Tests.Rooms;

/// <summary>
/// The room client against a fake handler, one answer of RULES.md §9 at a time: what is sent, and what each
/// status becomes — stored, a final refusal in words, or not delivered (to be sent again).
/// </summary>
public sealed class RoomClientTests : IDisposable
{
    private static readonly byte[] RunBytes = Encoding.UTF8.GetBytes("""{ "format": "littlereddot-run", "player": "ada", "digest": "ab12" }""");
    private readonly FakeRoom room = new();
    private readonly HttpClient http;
    private readonly RoomClient client;

    public RoomClientTests()
    {
        http = new HttpClient(room);
        client = new RoomClient(http, RoomAddress.Parse("http://127.0.0.1:5055/"));
    }

    public void Dispose()
    {
        http.Dispose();
        room.Dispose();
    }

    [Fact]
    public async Task A_201_is_stored_with_the_token_and_the_run_goes_as_json_with_the_player_token()
    {
        var secret = FakeRoom.TokenFor("someone");
        var delivery = await client.SubmitAsync(RunBytes, secret, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Stored, delivery.Status);
        Assert.Equal(FakeRoom.TokenFor("ada"), delivery.Token); // the fake room's token for "ada"
        var seen = Assert.Single(room.Requests);
        Assert.Equal(("POST", "/api/runs", secret, "application/json"), (seen.Method, seen.Path, seen.PlayerToken, seen.ContentType));
        Assert.Equal(RunBytes, seen.Body); // the file's bytes, untouched: its digest is over them
    }

    [Fact]
    public async Task Without_a_token_no_token_header_is_sent()
    {
        await client.SubmitAsync(RunBytes, null, CancellationToken.None);
        Assert.Null(Assert.Single(room.Requests).PlayerToken);
    }

    [Fact]
    public async Task A_422_is_a_final_refusal_carrying_replays_reason_and_field()
    {
        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.UnprocessableEntity, "The run does not verify", "the digest does not match the run", """, "reason": "digest", "field": "digest" """));

        var delivery = await client.SubmitAsync(RunBytes, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Refused, delivery.Status);
        Assert.Equal((422, "digest", "digest", "the digest does not match the run"), (delivery.HttpStatus, delivery.Reason, delivery.Field, delivery.Detail));
        Assert.Equal("the room refused the run (422 The run does not verify: the digest does not match the run: field digest)", delivery.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Not a run file")]
    [InlineData(HttpStatusCode.Forbidden, "Name claimed")]
    [InlineData(HttpStatusCode.Conflict, "Round closed")]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, "Too large")]
    [InlineData(HttpStatusCode.NotFound, "Not Found")]
    public async Task Other_4xx_answers_are_final_refusals_shown_as_title_and_detail(HttpStatusCode status, string title)
    {
        room.Next.Enqueue(_ => FakeRoom.Problem(status, title, "because"));

        var delivery = await client.SubmitAsync(RunBytes, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Refused, delivery.Status);
        Assert.Equal((int)status, delivery.HttpStatus);
        Assert.Equal($"the room refused the run ({(int)status} {title}: because)", delivery.Message);
    }

    [Theory]
    [InlineData("<html>nginx</html>", "text/html")]
    [InlineData("{ \"title\": \"Not Found\" }", "application/json")] // JSON, but not a room's problem+json
    public async Task A_404_that_is_not_a_rooms_problem_asks_whether_the_address_is_right_and_keeps_the_run(string body, string mediaType)
    {
        room.Next.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

        var delivery = await client.SubmitAsync(RunBytes, null, CancellationToken.None);

        // No room said no: the run stays in the outbox for when the address is right.
        Assert.Equal(DeliveryStatus.NotDelivered, delivery.Status);
        Assert.EndsWith("404 Not Found: no room answers at http://127.0.0.1:5055; is this the address `littlereddot serve` printed?)", delivery.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.MovedPermanently)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.TemporaryRedirect)]
    [InlineData(HttpStatusCode.PermanentRedirect)]
    public async Task A_redirect_is_not_followed_and_leaves_the_run_undelivered(HttpStatusCode status)
    {
        room.Next.Enqueue(_ =>
        {
            var moved = new HttpResponseMessage(status) { Content = new StringContent("<html>moved</html>", Encoding.UTF8, "text/html") };
            moved.Headers.Location = new Uri("https://elsewhere.example/");
            return moved;
        });

        var delivery = await client.SubmitAsync(RunBytes, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.NotDelivered, delivery.Status);
        Assert.StartsWith($"the room http://127.0.0.1:5055 could not take the run now ({(int)status} ", delivery.Message, StringComparison.Ordinal);
        Assert.Single(room.Requests); // one POST, not a GET to the Location
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Busy_slow_and_5xx_answers_leave_the_run_undelivered_to_go_again(HttpStatusCode status)
    {
        room.Next.Enqueue(_ => new HttpResponseMessage(status) { Content = new StringContent("<html>oops</html>", Encoding.UTF8, "text/html") });

        var delivery = await client.SubmitAsync(RunBytes, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.NotDelivered, delivery.Status);
        Assert.StartsWith($"the room http://127.0.0.1:5055 could not take the run now ({(int)status} ", delivery.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_room_that_is_down_is_said_unreachable_with_the_systems_reason()
    {
        room.Up = false;

        var delivery = await client.SubmitAsync(RunBytes, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.NotDelivered, delivery.Status);
        Assert.StartsWith("the room http://127.0.0.1:5055 cannot be reached (", delivery.Message, StringComparison.Ordinal);
        Assert.Contains("refused", delivery.Message, StringComparison.OrdinalIgnoreCase); // SocketError.ConnectionRefused's own words
    }

    [Fact]
    public async Task A_2xx_that_is_not_json_is_not_a_rooms_answer_and_the_run_goes_again()
    {
        // A captive portal answers 200 with a login page.
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, "<html>log in</html>", "text/html"));

        var delivery = await client.SubmitAsync(RunBytes, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.NotDelivered, delivery.Status);
        Assert.Contains("answered something unexpected (HTTP 200: not a room's JSON (text/html))", delivery.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_room_that_does_not_answer_within_the_timeout_is_said_so_on_a_fake_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var hanging = new HangingHandler();
        using var slowHttp = new HttpClient(hanging);
        var slow = new RoomClient(slowHttp, RoomAddress.Parse("http://room.local:5055"), clock);

        var pending = slow.SubmitAsync(RunBytes, null, CancellationToken.None);
        await hanging.Entered.Task;
        Assert.False(pending.IsCompleted);
        clock.Advance(RoomClient.Timeout);
        var delivery = await pending;

        Assert.Equal(DeliveryStatus.NotDelivered, delivery.Status);
        Assert.Equal("the room http://room.local:5055 did not answer within 10 s", delivery.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_a_timeout_it_cancels()
    {
        using var hanging = new HangingHandler();
        using var slowHttp = new HttpClient(hanging);
        var slow = new RoomClient(slowHttp, RoomAddress.Parse("http://room.local:5055"), new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();

        var pending = slow.BoardAsync(cancel.Token);
        await hanging.Entered.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task The_board_reads_the_object_board_format_json_prints()
    {
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, """
            { "players": [
                { "rank": 1, "player": "bob", "score": 9000, "stars": 3, "bounces": 2, "levels": { "b": 5000, "a": 4000 } },
                { "rank": 2, "player": "ada", "score": 100, "stars": 1, "bounces": 0, "levels": { "c": 100 } } ],
              "rejected": [ { "file": "x", "reason": "the digest does not match" } ],
              "round": { "number": 2, "startedAt": "2026-11-26T10:00:00Z", "closesAt": null, "closed": false, "frozen": true }, "extra": "ignored" }
            """));

        var board = await client.BoardAsync(CancellationToken.None);

        Assert.Equal(("GET", "/api/board"), (room.Requests[0].Method, room.Requests[0].Path));
        Assert.Equal(["bob", "ada"], board.Snapshot.Players.Select(p => p.Player));
        Assert.Equal((9000L, 3L, 2L), (board.Snapshot.Players[0].Score, board.Snapshot.Players[0].Stars, board.Snapshot.Players[0].Bounces));
        Assert.Equal(["b", "a", "c"], board.Snapshot.LevelIds); // no levelIds sent: the levels in the order first met
        Assert.Equal("the digest does not match", Assert.Single(board.Snapshot.Rejected).Reason);
        Assert.True(board.Frozen);
        Assert.False(board.Closed);
    }

    [Fact]
    public async Task A_rooms_title_and_level_order_head_its_board()
    {
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, """
            { "players": [ { "rank": 1, "player": "ada", "score": 10, "stars": 1, "bounces": 0, "levels": { "b": 10 } } ],
              "rejected": [], "title": "Today", "levels": ["a", "b", "c"] }
            """));

        var board = await client.BoardAsync(CancellationToken.None);

        Assert.Equal("Today", board.Snapshot.PackTitle);
        Assert.Equal(["a", "b", "c"], board.Snapshot.LevelIds);
    }

    // Oracle: RULES.md §9's board has players, rejections and level ids, none of them null; a room answering otherwise
    // is not a room's board, in words, never an internal error (attacker round 5: "levels": [null] was exit 1).
    [Theory]
    [InlineData("{\"players\":[{\"rank\":1,\"player\":\"a\",\"score\":1,\"stars\":1,\"bounces\":0,\"levels\":{\"x\":1}}],\"rejected\":[],\"levels\":[\"x\",null]}")]
    [InlineData("{\"players\":[null],\"rejected\":[],\"levels\":[]}")]
    [InlineData("{\"players\":[],\"rejected\":[null],\"levels\":[]}")]
    public async Task A_board_with_nulls_where_a_room_has_none_is_refused_in_words(string body)
    {
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, body, "application/json"));

        var e = await Assert.ThrowsAsync<RoomException>(() => client.BoardAsync(CancellationToken.None));

        Assert.Equal("the answer from http://127.0.0.1:5055 is not a room's board (application/json); is this the address `littlereddot serve` printed?", e.Message);
    }

    [Fact]
    public async Task A_board_that_is_not_json_or_a_problem_is_one_line_in_words()
    {
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, "<html></html>", "text/html"));
        var notJson = await Assert.ThrowsAsync<RoomException>(() => client.BoardAsync(CancellationToken.None));
        Assert.Equal("the answer from http://127.0.0.1:5055 is not a room's board (text/html); is this the address `littlereddot serve` printed?", notJson.Message);

        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.ServiceUnavailable, "Database unavailable", "the room's database cannot be opened"));
        var problem = await Assert.ThrowsAsync<RoomException>(() => client.BoardAsync(CancellationToken.None));
        Assert.Equal("the room http://127.0.0.1:5055 answered 503 Database unavailable: the room's database cannot be opened", problem.Message);
        Assert.Equal(503, problem.Status);

        room.Up = false;
        var down = await Assert.ThrowsAsync<RoomException>(() => client.BoardAsync(CancellationToken.None));
        Assert.StartsWith("the room http://127.0.0.1:5055 cannot be reached (", down.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_action_posts_action_and_time_with_the_admin_token()
    {
        room.Next.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await client.RoundAsync(RoundAction.Close, new DateTimeOffset(2026, 11, 26, 12, 30, 0, TimeSpan.FromHours(1)), "admin-1", CancellationToken.None);

        var seen = Assert.Single(room.Requests);
        Assert.Equal(("POST", "/api/round", "Bearer admin-1"), (seen.Method, seen.Path, seen.Authorization));
        using var body = JsonDocument.Parse(seen.Body);
        Assert.Equal("close", body.RootElement.GetProperty("action").GetString());
        Assert.Equal("2026-11-26T11:30:00Z", body.RootElement.GetProperty("at").GetString()); // 12:30+01:00 in UTC, RFC 3339
    }

    [Fact]
    public async Task A_round_action_now_sends_no_time_and_a_bare_401_says_to_give_the_admin_token()
    {
        room.Next.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));

        var e = await Assert.ThrowsAsync<RoomException>(() => client.RoundAsync(RoundAction.Freeze, null, "wrong", CancellationToken.None));

        using var body = JsonDocument.Parse(room.Requests[0].Body);
        Assert.Equal("freeze", body.RootElement.GetProperty("action").GetString());
        Assert.False(body.RootElement.TryGetProperty("at", out _));
        Assert.Equal("the room http://127.0.0.1:5055 answered 401 Unauthorized; give the admin token `littlereddot serve` printed", e.Message);
    }

    [Fact]
    public async Task Export_returns_the_json_lines_as_sent()
    {
        const string lines = "{\"player\":\"ada\",\"verified\":true}\n{\"player\":\"bob\",\"verified\":false}\n";
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, lines, "application/x-ndjson"));

        var body = await client.ExportAsync("admin-1", CancellationToken.None);

        Assert.Equal(lines, Encoding.UTF8.GetString(body));
        Assert.Equal(("GET", "/api/export", "Bearer admin-1"), (room.Requests[0].Method, room.Requests[0].Path, room.Requests[0].Authorization));
    }

    // Oracle: RULES.md §9, "GET /api/export ... one JSON object a line", which the room sends as application/x-ndjson.
    // Anything else that answers 200 (a proxy's page, a JSON array, a line that is not JSON) is not a room's export,
    // and is refused in words rather than printed as if it were one.
    [Theory]
    [InlineData("<html><body>Welcome to nginx</body></html>", "text/html")]
    [InlineData("{\"player\":\"ada\"}\n", "application/json")]
    [InlineData("[{\"player\":\"ada\"}]\n", "application/x-ndjson")]
    [InlineData("{\"player\":\"ada\"}\nnot json\n", "application/x-ndjson")]
    public async Task An_export_that_is_not_json_lines_is_refused(string body, string mediaType)
    {
        room.Next.Enqueue(_ => FakeRoom.Json(HttpStatusCode.OK, body, mediaType));

        var e = await Assert.ThrowsAsync<RoomException>(() => client.ExportAsync("admin-1", CancellationToken.None));

        Assert.Equal($"the answer from http://127.0.0.1:5055 is not a room's export, one JSON object a line ({mediaType}); is this the address `littlereddot serve` printed?", e.Message);
    }

    [Theory]
    [InlineData("http://10.0.0.5:5055", "http://10.0.0.5:5055")]
    [InlineData("HTTP://Room.Local:5055/", "http://room.local:5055")]
    [InlineData("https://example.org/rooms/a/", "https://example.org/rooms/a")]
    public void An_address_has_one_spelling(string typed, string normal)
    {
        var address = RoomAddress.Parse(typed);
        Assert.Equal(normal, address.Text);
        Assert.Equal(normal + "/api/runs", address.Endpoint("api/runs").AbsoluteUri);
    }

    [Theory]
    [InlineData("room.local:5055")]
    [InlineData("ftp://room.local")]
    [InlineData("/srv/runs")]
    [InlineData("http://room.local:5055/?x=1")]
    public void Anything_else_is_refused_in_words(string typed)
    {
        var e = Assert.Throws<RoomException>(() => RoomAddress.Parse(typed));
        Assert.Contains("http://HOST:PORT", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Never answers: waits for the request's cancellation, as a room that accepted the connection and hangs.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
