using System.Globalization;
using System.Text.Json;
using LittleRedDot.Content;
using LittleRedDot.Content.Rooms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace LittleRedDot.Server.Http;

/// <summary>The room's HTTP contract (RULES.md §9): runs in, the board out, the round run by the facilitator.</summary>
public static class RoomEndpoints
{
    public const string PlayerTokenHeader = "X-Player-Token";

    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/", (HttpContext http) => ProjectorPage.Serve(http, "index.html"));
        routes.MapGet("/board.js", (HttpContext http) => ProjectorPage.Serve(http, "board.js"));
        routes.MapGet("/board.css", (HttpContext http) => ProjectorPage.Serve(http, "board.css"));
        routes.MapGet("/api/board", ([FromServices] Room room) => TypedResults.Bytes(room.BoardJson(), "application/json"));
        routes.MapPost("/api/runs", (HttpContext http, [FromServices] Room room) => SubmitAsync(http, room));
        routes.MapPost("/api/round", (HttpContext http, [FromServices] Room room) => RoundAsync(http, room));
        routes.MapPost("/api/release", (HttpContext http, [FromServices] Room room) => ReleaseAsync(http, room));
        routes.MapGet("/api/export", (HttpContext http, [FromServices] Room room) => Export(http, room));
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, Room room)
    {
        if (!http.Request.HasJsonContentType())
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Not JSON", "send the run file with Content-Type: application/json");
        }

        var (body, unread) = await ReadBodyAsync(http).ConfigureAwait(false);
        if (unread is not null)
        {
            return unread;
        }

        SubmitAnswer answer;
        try
        {
            answer = await room.SubmitAsync(body.Span, http.Request.Headers[PlayerTokenHeader].FirstOrDefault()).ConfigureAwait(false);
        }
        catch (RoomUnavailableException e)
        {
            return Problems.Unavailable(e.Message);
        }

        return answer switch
        {
            SubmitAnswer.Accepted a => TypedResults.Json(new SubmitReply(true, a.Token), RoomJsonContext.Default.SubmitReply, statusCode: StatusCodes.Status201Created),
            SubmitAnswer.AlreadyStored a => TypedResults.Json(new SubmitReply(true, a.Token, true), RoomJsonContext.Default.SubmitReply, statusCode: StatusCodes.Status200OK),
            SubmitAnswer.Rejected r => Problems.Of(StatusCodes.Status422UnprocessableEntity, "Run does not verify", r.Verdict.Message, Verdict(r.Verdict)),
            SubmitAnswer.NotARunFile n => Problems.Of(StatusCodes.Status400BadRequest, "Not a run file", n.Verdict.Message, Verdict(n.Verdict)),
            SubmitAnswer.NameClaimed c => Problems.Of(
                StatusCodes.Status403Forbidden,
                "Name already claimed",
                $"the name \"{c.Player}\" is claimed; send its token as {PlayerTokenHeader}, or play under another name (the facilitator can release a name)"),
            SubmitAnswer.RoundClosed c => Problems.Of(StatusCodes.Status409Conflict, "Round closed", $"the round closed at {Rfc3339.Format(c.At)}; no more runs are taken"),
            _ => throw new InvalidOperationException("an answer this endpoint does not know"),
        };
    }

    private static KeyValuePair<string, object?>[] Verdict(Verification verdict) =>
        [new("reason", verdict.ReasonText), new("field", verdict.Field)];

    private static async Task<IResult> RoundAsync(HttpContext http, Room room)
    {
        if (!Admin.Allows(http))
        {
            return Problems.Unauthorized();
        }

        var request = await ReadJsonAsync(http, RoomJsonContext.Default.RoundRequest).ConfigureAwait(false);
        if (request.Problem is { } problem)
        {
            return problem;
        }

        if (!RoundActions.TryParse(request.Value?.Action, out var action))
        {
            return Problems.BadRequest($"`action` must be exactly one of {RoundActions.Expected}");
        }

        DateTimeOffset? at = null;
        if (request.Value!.At is { } text)
        {
            if (action != RoundAction.Close)
            {
                return Problems.BadRequest("`at` goes with close only");
            }

            if (!Rfc3339.TryParse(text, out var parsed))
            {
                return Problems.BadRequest("`at` must be an RFC 3339 time with 'Z' or an offset, such as 2026-11-26T10:30:00Z or 2026-11-26T11:30:00+01:00");
            }

            at = parsed;
        }

        try
        {
            await room.ActAsync(action, at).ConfigureAwait(false);
        }
        catch (RoomUnavailableException e)
        {
            return Problems.Unavailable(e.Message);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> ReleaseAsync(HttpContext http, Room room)
    {
        if (!Admin.Allows(http))
        {
            return Problems.Unauthorized();
        }

        var request = await ReadJsonAsync(http, RoomJsonContext.Default.ReleaseRequest).ConfigureAwait(false);
        if (request.Problem is { } problem)
        {
            return problem;
        }

        if (request.Value?.Player is not { Length: > 0 } player)
        {
            return Problems.BadRequest("`player` must be the exact name to release");
        }

        try
        {
            return await room.ReleaseAsync(player).ConfigureAwait(false)
                ? TypedResults.NoContent()
                : Problems.Of(StatusCodes.Status404NotFound, "Not claimed", $"no one has claimed the name \"{player}\"");
        }
        catch (RoomUnavailableException e)
        {
            return Problems.Unavailable(e.Message);
        }
    }

    private static IResult Export(HttpContext http, Room room)
    {
        if (!Admin.Allows(http))
        {
            return Problems.Unauthorized();
        }

        long? round = null;
        if (http.Request.Query["round"].FirstOrDefault() is { } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return Problems.BadRequest("`round` must be a round number");
            }

            round = n;
        }

        var submissions = room.ExportAsync(round, http.RequestAborted);
        return TypedResults.Stream(stream => ExportLines.WriteAsync(stream, submissions, http.RequestAborted), "application/x-ndjson");
    }

    /// <summary>The body, or null when it is larger than <see cref="RoomOptions.MaxBodyBytes"/>.</summary>
    /// <summary>
    /// The request's body, at most <see cref="RoomOptions.MaxBodyBytes"/>; or the problem to answer: 413 when it is
    /// longer, 400 when its framing cannot be read (Kestrel throws an <see cref="IOException"/>, not a bad-request
    /// exception, for a chunk size past 2³¹, which went out as a 500).
    /// </summary>
    private static async Task<(ReadOnlyMemory<byte> Body, ProblemHttpResult? Problem)> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > RoomOptions.MaxBodyBytes)
        {
            return (default, Problems.TooLarge());
        }

        var buffer = new byte[RoomOptions.MaxBodyBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = await http.Request.Body.ReadAsync(buffer.AsMemory(length), http.RequestAborted).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, Problems.TooLarge());
        }
        catch (BadHttpRequestException e)
        {
            return (default, Problems.Of(e.StatusCode, ReasonPhrases.GetReasonPhrase(e.StatusCode), $"the request body cannot be read ({e.Message}); nothing of it was used"));
        }
        catch (IOException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            return (default, Problems.BadRequest($"the request body cannot be read as HTTP/1.1 framing ({e.Message}); nothing of it was used"));
        }

        return length > RoomOptions.MaxBodyBytes ? (default, Problems.TooLarge()) : (buffer.AsMemory(0, length), null);
    }

    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpContext http, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        var (body, unread) = await ReadBodyAsync(http).ConfigureAwait(false);
        if (unread is not null)
        {
            return (null, unread);
        }

        if (KeyProblem(body.Span, type) is { } keys)
        {
            return (null, Problems.BadRequest(keys));
        }

        try
        {
            return (JsonSerializer.Deserialize(body.Span, type), null);
        }
        catch (JsonException e)
        {
            // Not e.Message: it names .NET types ("could not be converted to LittleRedDot.Server.Http.RoundRequest").
            // Every request object here holds strings only, so a value of another type is the one thing a key check misses.
            var what = e.Path is { Length: > 1 } path ? $"the value at {path} must be a string" : "it is not a JSON object";
            return (null, Problems.BadRequest($"the body is not the JSON object expected: {what}"));
        }
    }

    /// <summary>
    /// A key of the body's object given twice, or one the request does not have, in words naming it; null when each
    /// key is known and given once, or when the body is not a JSON object (the deserializer then says why). The
    /// deserializer refuses both as well (<see cref="RoomJsonContext"/>); this says it without .NET's type names.
    /// </summary>
    private static string? KeyProblem(ReadOnlySpan<byte> body, System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        var known = type.Properties.Select(p => p.Name).ToArray();
        var reader = new Utf8JsonReader(body);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                if (!known.Contains(key, StringComparer.Ordinal))
                {
                    return $"the body has the key \"{Excerpt.Of(key)}\", which this request does not take; expected: {string.Join(", ", known)}";
                }

                if (!seen.Add(key))
                {
                    return $"the body gives the key \"{Excerpt.Of(key)}\" more than once; give each key once";
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
