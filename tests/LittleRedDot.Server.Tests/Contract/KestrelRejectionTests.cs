using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LittleRedDot.Server.Http;
using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Contract;

/// <summary>
/// What Kestrel refuses before the app runs (malformed framing) is still an RFC 9457 problem (RULES.md §9), on
/// the room served by Kestrel on a loopback port and spoken to over a raw socket, byte for byte as a client sends.
/// The oracle for each status is RFC 9112 / Kestrel's documented limits; the body is checked as a problem
/// whose Content-Length is its real length.
/// </summary>
public sealed class KestrelRejectionTests : IAsyncLifetime
{
    private readonly TestPack pack = new();
    private KestrelRoom? server;

    public async Task InitializeAsync() => server = await KestrelRoom.StartAsync(pack, TestPack.SavedAt);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        pack.Dispose();
    }

    [Theory]
    [InlineData("POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n", 400)]
    [InlineData("POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400)]
    [InlineData("POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: gzip\r\n\r\na", 400)]
    [InlineData("GET /api/board HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET /api/board HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", 400)]
    [InlineData("GET  /api/board HTTP/1.1\r\nHost: x\r\n\r\n", 400)]
    [InlineData("GET /api/board HTTP/7.0\r\nHost: x\r\n\r\n", 505)]
    public async Task Framing_Kestrel_refuses_is_a_problem_with_the_security_headers(string request, int status)
    {
        var (head, body) = Split(await Exchange(request));
        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        AssertProblem(head, body, status);
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFF")] // a chunk size past 2³¹: Kestrel throws an IOException the app once answered with 500
    [InlineData("80000000")]
    public async Task A_chunk_size_too_large_to_read_is_a_400_problem(string size)
    {
        var request = $"POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{size}\r\n{{}}\r\n0\r\n\r\n";
        var (head, body) = Split(await Exchange(request));
        Assert.StartsWith("HTTP/1.1 400 ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 framing", body, StringComparison.Ordinal); // the app's detail, in a chunked body
    }

    [Fact]
    public async Task Headers_too_large_are_a_431_problem()
    {
        // Kestrel's documented default: at most 32 KiB of request headers.
        var (head, body) = Split(await Exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n"));
        AssertProblem(head, body, 431);
    }

    [Fact]
    public async Task A_bad_request_after_a_good_one_on_the_same_connection_is_a_problem_and_the_first_answer_is_untouched()
    {
        var answer = await Exchange("GET /api/board HTTP/1.1\r\nHost: x\r\n\r\nPOST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
        var first = answer.IndexOf("HTTP/1.1 200 OK\r\n", StringComparison.Ordinal);
        var second = answer.IndexOf("HTTP/1.1 400 ", StringComparison.Ordinal);
        Assert.True(first == 0 && second > 0, answer);
        var board = answer[..second].Split("\r\n\r\n", 2)[1];
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(board).RootElement.GetProperty("round").ValueKind);
        var (head, body) = Split(answer[second..]);
        AssertProblem(head, body, 400);
    }

    [Fact]
    public async Task The_apps_own_errors_pass_unchanged()
    {
        // A 404 of the app is a problem already (with its traceId, sent chunked); the watch leaves it as the app wrote it.
        var (head, body) = Split(await Exchange("GET /nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 404 ", head, StringComparison.Ordinal);
        Assert.Contains("Transfer-Encoding: chunked", head, StringComparison.Ordinal);
        Assert.Contains("\"traceId\"", body, StringComparison.Ordinal);
        Assert.EndsWith("\r\n0\r\n\r\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_bare_rejection_is_rewritten()
    {
        // Kestrel's rejection as it writes it (status line, Content-Length: 0, Connection: close, Date) versus the
        // same head from the app (it carries X-Content-Type-Options), an interim 100 and a head with a body after it.
        const string bare = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Thu, 26 Nov 2026 10:15:00 GMT\r\n\r\n";
        Assert.NotNull(KestrelRejections.Rewrite(Encoding.ASCII.GetBytes(bare)));
        Assert.Null(KestrelRejections.Rewrite(Encoding.ASCII.GetBytes(bare.Replace("\r\n\r\n", "\r\nX-Content-Type-Options: nosniff\r\n\r\n", StringComparison.Ordinal))));
        Assert.Null(KestrelRejections.Rewrite("HTTP/1.1 100 Continue\r\n\r\n"u8));
        Assert.Null(KestrelRejections.Rewrite(Encoding.ASCII.GetBytes(bare + "{}")));
        Assert.Null(KestrelRejections.Rewrite(Encoding.ASCII.GetBytes(bare.Replace("400 Bad Request", "204 No Content", StringComparison.Ordinal))));

        // Kestrel's own 500, when the app failed before it could answer, is a problem that does not blame the request.
        var failed = Encoding.ASCII.GetString(KestrelRejections.Rewrite(Encoding.ASCII.GetBytes(bare.Replace("400 Bad Request", "500 Internal Server Error", StringComparison.Ordinal)))!);
        var (head, body) = Split(failed);
        AssertProblem(head, body, 500);
        Assert.Equal("the server could not answer this request", KestrelRejections.Detail(500));
    }

    private static void AssertProblem(string head, string body, int status)
    {
        var headers = head.Split("\r\n").Skip(1).ToArray();
        Assert.Contains("Content-Type: application/problem+json", headers);
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", headers);
        Assert.Contains("X-Content-Type-Options: nosniff", headers);
        Assert.Contains($"Content-Security-Policy: {ProjectorPage.ContentSecurityPolicy}", headers);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        Assert.Equal(KestrelRejections.Detail(status), json.GetProperty("detail").GetString());
    }

    private static (string Head, string Body) Split(string answer)
    {
        var parts = answer.Split("\r\n\r\n", 2);
        Assert.True(parts.Length == 2, answer);
        return (parts[0], parts[1]);
    }

    /// <summary>Sends the bytes and reads until the server closes the connection (a rejection always closes it); bounded.</summary>
    private async Task<string> Exchange(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server!.Address.Host, server.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, bounded.Token);
        return Encoding.UTF8.GetString(received.ToArray());
    }
}
