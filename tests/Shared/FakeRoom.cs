using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LittleRedDot.TestSupport;

/// <summary>
/// A room in process, behind an <see cref="HttpMessageHandler"/>: the part of RULES.md §9 a client meets.
/// POST /api/runs stores a run once per digest (a resubmitted run is recognised, never counted twice),
/// claims a name on its first run and then wants its token (403 otherwise); GET /api/board lists the
/// stored runs' players. <see cref="Up"/> false answers every request as a closed port does; a scripted
/// answer in <see cref="Next"/> is given instead of the room's own. Every request is recorded.
/// </summary>
public sealed class FakeRoom : HttpMessageHandler
{
    private readonly Dictionary<string, string> runsByDigest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> tokensByName = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <summary>False: the room is down (connection refused).</summary>
    public bool Up { get; set; } = true;

    /// <summary>Answers to give, in order, instead of the room's own.</summary>
    public Queue<Func<HttpRequestMessage, HttpResponseMessage>> Next { get; } = new();

    /// <summary>Every request that reached the room while it was up: method, path, player token header, authorization, body.</summary>
    public List<Seen> Requests { get; } = [];

    /// <summary>The digests of the runs stored, once each.</summary>
    public IReadOnlyCollection<string> StoredDigests
    {
        get
        {
            lock (gate)
            {
                return runsByDigest.Keys.ToArray();
            }
        }
    }

    public sealed record Seen(string Method, string Path, string? PlayerToken, string? Authorization, string? ContentType, byte[] Body);

    /// <summary>The token the fake room issues for <paramref name="player"/>: a real room's shape (base64url of 24 bytes), the bytes from the name's SHA-256 so a test can name it.</summary>
    public static string TokenFor(string player) =>
        System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(player)).AsSpan(0, 24));

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail, string? extra = null) =>
        Json(status, $$"""{ "type": "about:blank", "title": {{JsonSerializer.Serialize(title)}}, "status": {{(int)status}}, "detail": {{JsonSerializer.Serialize(detail)}}{{extra}} }""", "application/problem+json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Up)
        {
            throw new HttpRequestException("Connection refused (127.0.0.1:5055)", new SocketException((int)SocketError.ConnectionRefused));
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var token = request.Headers.TryGetValues("X-Player-Token", out var t) ? t.Single() : null;
        lock (gate)
        {
            Requests.Add(new Seen(request.Method.Method, request.RequestUri!.AbsolutePath, token, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.MediaType, body));
            if (Next.TryDequeue(out var scripted))
            {
                return scripted(request);
            }

            return (request.Method.Method, request.RequestUri!.AbsolutePath) switch
            {
                ("POST", "/api/runs") => Submit(body, token),
                ("GET", "/api/board") => Board(),
                _ => Problem(HttpStatusCode.NotFound, "Not Found", "no such endpoint"),
            };
        }
    }

    private HttpResponseMessage Submit(byte[] body, string? token)
    {
        string digest, player;
        try
        {
            using var run = JsonDocument.Parse(body);
            digest = run.RootElement.GetProperty("digest").GetString()!;
            player = run.RootElement.GetProperty("player").GetString()!;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Problem(HttpStatusCode.BadRequest, "Not a run file", e.Message);
        }

        if (tokensByName.TryGetValue(player, out var claimed) && claimed != token)
        {
            return Problem(HttpStatusCode.Forbidden, "Name claimed", $"the name \"{player}\" is claimed; send its token");
        }

        var issued = tokensByName.TryGetValue(player, out var existing) ? existing : TokenFor(player);
        tokensByName[player] = issued;
        runsByDigest.TryAdd(digest, player);
        return Json(HttpStatusCode.Created, $$"""{ "verified": true, "token": "{{issued}}" }""");
    }

    private HttpResponseMessage Board()
    {
        var players = runsByDigest.Values.GroupBy(p => p, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => $$"""{ "rank": {{i + 1}}, "player": {{JsonSerializer.Serialize(g.Key)}}, "score": {{g.Count() * 100}}, "stars": 3, "bounces": 0, "levels": { "t-01": {{g.Count() * 100}} } }""");
        return Json(HttpStatusCode.OK, $$"""{ "players": [{{string.Join(", ", players)}}], "rejected": [] }""");
    }
}
