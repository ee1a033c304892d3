using System.Net;
using System.Net.Http.Headers;
using LittleRedDot.Server.Http;
using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Contract;

/// <summary>RULES.md §9's limits and the page: 413, 415, 429, problem details everywhere, headers, the CSP.</summary>
public abstract partial class RoomContractTests
{
    [SkippableFact]
    public async Task A_body_over_64_KiB_is_a_413_and_one_at_the_limit_is_read()
    {
        var room = Start();
        await Problem.Expect(await room.Submit(new byte[(64 * 1024) + 1]), HttpStatusCode.RequestEntityTooLarge);

        // Exactly 64 KiB is read (then found not to be a run file): the limit is the size, not one byte less.
        var padded = new byte[64 * 1024];
        Array.Fill(padded, (byte)' ');
        await Problem.Expect(await room.Submit(padded), HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task Only_JSON_is_taken()
    {
        var room = Start();
        // A cross-site form can send text/plain without asking first; the room refuses it.
        await Problem.Expect(await room.Submit(Pack.Run("ada"), contentType: "text/plain"), HttpStatusCode.UnsupportedMediaType);
    }

    [SkippableFact]
    public async Task Too_many_requests_from_one_client_are_a_429()
    {
        var room = Start(new RoomOptions { AdminToken = RoomFactory.AdminToken, Burst = 3, RequestsPerSecond = 1, RefillPeriod = TimeSpan.FromHours(1) });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await room.Http.GetAsync("/api/board")).StatusCode);
        }

        var answer = await room.Http.GetAsync("/api/board");
        await Problem.Expect(answer, HttpStatusCode.TooManyRequests);
        Assert.NotNull(answer.Headers.RetryAfter);
    }

    [SkippableFact]
    public async Task Unknown_paths_and_methods_are_problems_too()
    {
        var room = Start();
        await Problem.Expect(await room.Http.GetAsync("/nothing-here"), HttpStatusCode.NotFound);
        await Problem.Expect(await room.Http.DeleteAsync("/api/board"), HttpStatusCode.MethodNotAllowed);
    }

    [SkippableFact]
    public async Task The_page_loads_nothing_from_elsewhere_and_runs_no_inline_script()
    {
        var room = Start();
        using var page = await room.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/board.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(ProjectorPage.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        foreach (var file in new[] { "/board.js", "/board.css" })
        {
            using var asset = await room.Http.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.DoesNotContain("http", await asset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Cross_origin_requests_get_no_CORS_permission()
    {
        var room = Start();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/runs");
        preflight.Headers.Add("Origin", "http://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await room.Http.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/board");
        read.Headers.Add("Origin", "http://elsewhere.example");
        using var board = await room.Http.SendAsync(read);
        Assert.False(board.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(new CacheControlHeaderValue { NoStore = true }, board.Headers.CacheControl);
    }
}
