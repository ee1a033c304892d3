using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LittleRedDot.Content.Board;

namespace LittleRedDot.Content.Rooms;

/// <summary>
/// Talks to a room (RULES.md §9) over an injected <see cref="HttpClient"/>: submits run files, reads the
/// board, drives the round and exports it. Every failure becomes words: a run's fate is a
/// <see cref="Delivery"/>; the other calls throw <see cref="RoomException"/> with one line (unreachable,
/// no answer within <see cref="Timeout"/>, an answer that is not JSON, or the problem the room sent, as
/// title and detail). Bodies are read bounded; JSON goes through the source-generated <see cref="RoomJson"/>.
/// </summary>
public sealed class RoomClient
{
    /// <summary>How long one request may take, connecting included: a room on the same wifi answers in milliseconds.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The most a board or problem answer may hold; an export may hold <see cref="ExportLimit"/>.</summary>
    private const long AnswerLimit = 8L << 20;

    private const long ExportLimit = 256L << 20;

    private readonly HttpClient http;
    private readonly TimeProvider time;

    public RoomClient(HttpClient http, RoomAddress room, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(room);
        this.http = http;
        this.time = time ?? TimeProvider.System;
        Room = room;
    }

    public RoomAddress Room { get; }

    /// <summary>A handler for the real network: redirects are not followed (a POST must not turn into a GET), connecting gives up after <see cref="Timeout"/>.</summary>
    public static HttpMessageHandler NetworkHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectTimeout = Timeout,
        UseProxy = false,
    };

    /// <summary>POST /api/runs: one run file as the body, with the player's token when the name is claimed.</summary>
    public async Task<Delivery> SubmitAsync(ReadOnlyMemory<byte> runFile, string? playerToken, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Room.Endpoint("api/runs"))
        {
            Content = new ReadOnlyMemoryContent(runFile),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // A token of another shape was never a room's (a stored one edited by hand, or kept by an older client): a header
        // with a line break or non-ASCII in it cannot be sent at all, so it is left out and the room decides.
        if (PlayerToken.IsWellFormed(playerToken))
        {
            request.Headers.Add("X-Player-Token", playerToken);
        }

        Answer answer;
        try
        {
            answer = await SendAsync(request, AnswerLimit, cancellation).ConfigureAwait(false);
        }
        catch (RoomException e)
        {
            return new Delivery(DeliveryStatus.NotDelivered, e.Message);
        }

        var code = (int)answer.Status;
        if (code is >= 200 and < 300)
        {
            return Stored(answer);
        }

        var problem = answer.Problem();
        var words = Describe(answer, problem);

        // Something answers at this address, but not a room: a typo in the port, or another web server.
        var notARoom = answer.Status == HttpStatusCode.NotFound && !answer.IsProblem;
        if (notARoom)
        {
            words += $": no room answers at {Room}; is this the address `littlereddot serve` printed?";
        }

        // Busy (429), too slow (408), broken (5xx), sent elsewhere (3xx, never followed) or no room there at all:
        // the run waits and goes again; only a room's own refusal is final.
        if (code is 408 or 429 or >= 500 or (>= 300 and < 400) || notARoom)
        {
            return new Delivery(DeliveryStatus.NotDelivered, $"the room {Room} could not take the run now ({words})", code);
        }

        var detail = new[] { problem?.Detail, problem?.Reason, problem?.Title, answer.ReasonPhrase }.FirstOrDefault(w => !string.IsNullOrWhiteSpace(w)) ?? $"HTTP {code}";
        return new Delivery(DeliveryStatus.Refused, $"the room refused the run ({words})", code, null, problem?.Reason, problem?.Field, detail.ReplaceLineEndings(" "));
    }

    /// <summary>
    /// A 2xx answer to a run: stored only when it is one of the two shapes of RULES.md §9 — 201 <c>{ "verified": true,
    /// "token": T }</c>, or 200 <c>{ "verified": true, "alreadyStored": true }</c> — with any token of
    /// <see cref="PlayerToken"/>'s shape. Anything else (an empty object, "verified": false, a token no room makes) is
    /// not a room's word that the run is kept: the run waits in the outbox, and no token is kept.
    /// </summary>
    private Delivery Stored(Answer answer)
    {
        var code = (int)answer.Status;
        var accepted = answer.Read(RoomJson.Default.Accepted);
        var unexpected = accepted switch
        {
            null => $"not a room's JSON ({answer.MediaType ?? "no content type"})",
            { Verified: not true } => "it does not say \"verified\": true",
            _ when code == 201 && accepted.Token is null => "a 201 without the name's token",
            _ when code == 200 && accepted.AlreadyStored != true => "a 200 that does not say \"alreadyStored\": true",
            _ when code is not (200 or 201) => $"HTTP {code}, which a room never sends for a run",
            { Token: { } token } when !PlayerToken.IsWellFormed(token) => $"a token that is not a room's (expected {PlayerToken.Expected}); it is not kept",
            _ => null,
        };

        return unexpected is null
            ? new Delivery(DeliveryStatus.Stored, $"the room {Room} stored the run", code, accepted!.Token)
            : new Delivery(DeliveryStatus.NotDelivered, $"the room {Room} answered something unexpected (HTTP {code}: {unexpected}); is this the address `littlereddot serve` printed?", code);
    }

    /// <summary>GET /api/board.</summary>
    /// <exception cref="RoomException">Unreachable, too slow, not a board, or a problem.</exception>
    public async Task<RoomBoard> BoardAsync(CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Room.Endpoint("api/board"));
        var answer = await SendAsync(request, AnswerLimit, cancellation).ConfigureAwait(false);
        answer.ThrowUnlessSuccess(Room);
        var board = answer.Read(RoomJson.Default.Board) is { Players: not null } b && IsWhole(b)
            ? b
            : throw new RoomException($"the answer from {Room} is not a room's board ({answer.MediaType ?? "no content type"}); is this the address `littlereddot serve` printed?") { Status = (int)answer.Status };
        return ToBoard(board);
    }

    /// <summary>POST /api/round with the admin token: open, close, freeze, unfreeze or reset, now or at <paramref name="at"/>.</summary>
    /// <exception cref="RoomException">Unreachable, too slow, a wrong token (401), or another problem.</exception>
    public async Task RoundAsync(RoundAction action, DateTimeOffset? at, string adminToken, CancellationToken cancellation)
    {
        var body = new RoomWire.Round(
            RoundActions.Name(action),
            at is { } instant ? Rfc3339.Format(instant) : null);
        using var request = new HttpRequestMessage(HttpMethod.Post, Room.Endpoint("api/round"))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, RoomJson.Default.Round)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var answer = await SendAsync(request, AnswerLimit, cancellation).ConfigureAwait(false);
        answer.ThrowUnlessSuccess(Room);
    }

    /// <summary>GET /api/export with the admin token: every submission of the round, one JSON object a line, as the room sent them.</summary>
    /// <exception cref="RoomException">Unreachable, too slow, a wrong token (401), or another problem.</exception>
    public async Task<byte[]> ExportAsync(string adminToken, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Room.Endpoint("api/export"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var answer = await SendAsync(request, ExportLimit, cancellation).ConfigureAwait(false);
        answer.ThrowUnlessSuccess(Room);
        return answer.IsJsonLines()
            ? answer.Body
            : throw new RoomException($"the answer from {Room} is not a room's export, one JSON object a line ({answer.MediaType ?? "no content type"}); is this the address `littlereddot serve` printed?") { Status = (int)answer.Status };
    }

    /// <summary>Sends and reads the whole answer, bounded; every way of not getting one becomes a <see cref="RoomException"/>.</summary>
    private async Task<Answer> SendAsync(HttpRequestMessage request, long limit, CancellationToken cancellation)
    {
        using var deadline = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadline.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(limit, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return new Answer(response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new RoomException($"the room {Room} did not answer within {Timeout.TotalSeconds:0} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new RoomException($"the room {Room} cannot be reached ({Cause(e)})", e);
        }
    }

    /// <summary>The innermost reason a request failed ("Connection refused", "Name or service not known").</summary>
    private static string Cause(HttpRequestException e)
    {
        if (e.InnerException is SocketException socket)
        {
            return socket.Message;
        }

        Exception inner = e;
        while (inner.InnerException is { } next)
        {
            inner = next;
        }

        return inner.Message.ReplaceLineEndings(" ");
    }

    /// <summary>A refusal in words: the status, the problem's title and detail, and replay's reason and field when given.</summary>
    private static string Describe(Answer answer, RoomWire.Problem? problem)
    {
        var code = (int)answer.Status;
        var parts = new List<string> { $"{code} {problem?.Title ?? answer.ReasonPhrase ?? "error"}" };
        if (!string.IsNullOrWhiteSpace(problem?.Detail))
        {
            parts.Add(problem.Detail);
        }

        if (!string.IsNullOrWhiteSpace(problem?.Reason) && problem.Detail?.Contains(problem.Reason, StringComparison.Ordinal) != true)
        {
            parts.Add(problem.Reason);
        }

        if (!string.IsNullOrWhiteSpace(problem?.Field))
        {
            parts.Add($"field {problem.Field}");
        }

        return string.Join(": ", parts).ReplaceLineEndings(" ");
    }

    /// <summary>No null where a room's board has a player, a rejection or a level id (a hostile or broken room's
    /// "levels": [null] was an internal error, attacker round 5).</summary>
    private static bool IsWhole(RoomWire.Board board) =>
        board.Players!.All(p => p is not null)
        && (board.Rejected ?? []).All(r => r is not null)
        && (board.Levels ?? []).All(id => id is not null);

    private static RoomBoard ToBoard(RoomWire.Board board)
    {
        var players = board.Players!
            .Select(p => new BoardRow(p.Rank, p.Player ?? string.Empty, p.Score, p.Stars, p.Bounces, p.Levels ?? new Dictionary<string, long>(StringComparer.Ordinal)))
            .ToArray();

        // A room that does not list its levels: every level someone has a score on, in the order first met.
        var levelIds = board.Levels ?? players.SelectMany(p => p.Levels.Keys).Distinct(StringComparer.Ordinal).ToArray();
        var rejected = (board.Rejected ?? []).Select(r => new BoardRejection(r.File ?? string.Empty, r.Reason ?? string.Empty)).ToArray();
        var snapshot = new BoardSnapshot(board.Title ?? "room", levelIds, players, rejected, 0);
        return new RoomBoard(snapshot, board.Round?.Frozen, board.Round?.Closed);
    }

    private sealed record Answer(HttpStatusCode Status, string? ReasonPhrase, string? MediaType, byte[] Body)
    {
        private bool IsJson => MediaType is { } m
            && (m.Equals("application/json", StringComparison.OrdinalIgnoreCase) || m.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

        /// <summary>The body as <typeparamref name="T"/>, or null when it is not JSON of that shape.</summary>
        public T? Read<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
            where T : class
        {
            if (!IsJson || Body.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(Body, type);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The body is what a room's export sends (RULES.md §9): `application/x-ndjson`, every line that is not blank one JSON object.</summary>
        public bool IsJsonLines()
        {
            if (!string.Equals(MediaType, "application/x-ndjson", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var line in Encoding.UTF8.GetString(Body).Split('\n'))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    using var item = JsonDocument.Parse(line);
                    if (item.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        return false;
                    }
                }
                catch (JsonException)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The body is a room's problem (RFC 9457 `application/problem+json`), not any web server's page.</summary>
        public bool IsProblem => string.Equals(MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase);

        public RoomWire.Problem? Problem() => Read(RoomJson.Default.Problem);

        public void ThrowUnlessSuccess(RoomAddress room)
        {
            var code = (int)Status;
            if (code is >= 200 and < 300)
            {
                return;
            }

            var problem = Problem();
            var words = Describe(this, problem);
            var hint = code == 401 && string.IsNullOrWhiteSpace(problem?.Detail) ? "; give the admin token `littlereddot serve` printed" : string.Empty;
            throw new RoomException($"the room {room} answered {words}{hint}") { Status = code };
        }
    }
}
