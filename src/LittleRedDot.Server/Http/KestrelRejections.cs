using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace LittleRedDot.Server.Http;

/// <summary>
/// Kestrel answers a request it cannot even parse (a broken request line or header, `Content-Length: -1`, two
/// lengths, no Host, headers too large or too slow) itself, before any middleware runs, with an empty body and
/// no hook to change it. RULES.md §9 wants every error as an RFC 9457 problem, so this connection middleware
/// watches what Kestrel sends: a flush that is exactly one response head — HTTP/1.1, a 4xx or 5xx status,
/// `Content-Length: 0`, `Connection: close`, and without the header every answer of the app carries
/// (<see cref="SecurityHeaders.Marker"/>) — is Kestrel's own rejection, and goes out as a problem of the same
/// status, with the app's security headers. Every other byte passes unchanged.
/// </summary>
public static class KestrelRejections
{
    /// <summary>The longest response head taken for a rejection (Kestrel's has a status line and three headers).</summary>
    private const int MaxHeadBytes = 512;

    /// <summary>Puts the watch on every connection of <paramref name="listen"/>.</summary>
    public static void Watch(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => connection =>
        {
            connection.Transport = new Duplex(connection.Transport.Input, new Writer(connection.Transport.Output));
            return next(connection);
        });
    }

    /// <summary>
    /// The problem answer that replaces <paramref name="flushed"/> when it is Kestrel's bare rejection; null when it is
    /// anything else (an answer of the app, part of a body, `100 Continue`), which then goes out unchanged.
    /// </summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> flushed)
    {
        if (flushed.Length > MaxHeadBytes || !flushed.StartsWith("HTTP/1.1 "u8) || !flushed.EndsWith("\r\n\r\n"u8))
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(flushed[..^4]).Split("\r\n");
        if (lines[0].Length < 12
            || !int.TryParse(lines[0].AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || status is < 400 or > 599)
        {
            return null;
        }

        var headers = lines.Skip(1).ToArray();
        if (!headers.Contains("Content-Length: 0", StringComparer.OrdinalIgnoreCase)
            || !headers.Contains("Connection: close", StringComparer.OrdinalIgnoreCase)
            || headers.Any(h => h.StartsWith(SecurityHeaders.Marker + ":", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var body = ProblemBody(status);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrases.GetReasonPhrase(status)}\r\n")
            .Append("Content-Type: application/problem+json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Connection: close\r\n")
            .Append("Cache-Control: no-store\r\n");
        foreach (var date in headers.Where(h => h.StartsWith("Date:", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(date).Append("\r\n");
        }

        foreach (var (name, value) in SecurityHeaders.All)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    /// <summary>What each of Kestrel's rejections means to the client that sent it.</summary>
    public static string Detail(int status) => status switch
    {
        StatusCodes.Status400BadRequest =>
            "the request is not well-formed HTTP/1.1: its request line or a header (Host, Content-Length, Transfer-Encoding) cannot be read as one; nothing of it was used",
        StatusCodes.Status405MethodNotAllowed => "the method of the request cannot be used with its target",
        StatusCodes.Status408RequestTimeout => "the head of the request did not arrive in time",
        StatusCodes.Status411LengthRequired => "a request with a body must give Content-Length or Transfer-Encoding: chunked",
        StatusCodes.Status413PayloadTooLarge => $"a request body is at most {RoomOptions.MaxBodyBytes / 1024} KiB",
        StatusCodes.Status414UriTooLong => "the path and query of the request are too long",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "the headers of the request are too large",
        StatusCodes.Status505HttpVersionNotsupported => "this server speaks HTTP/1.1 (and HTTP/1.0)",

        // Kestrel also answers so when the app failed before it could answer at all (its error is in the server's log).
        >= 500 => "the server could not answer this request",
        _ => "the server could not read the request",
    };

    private static byte[] ProblemBody(int status)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("title", ReasonPhrases.GetReasonPhrase(status));
            json.WriteNumber("status", status);
            json.WriteString("detail", Detail(status));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Holds what Kestrel writes until it flushes, then sends it on (rewritten when it is a bare rejection).</summary>
    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> pending = new();

        /// <summary>Kestrel's JSON writers ask how much waits, to flush in good time.</summary>
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => pending.WrittenCount;

        public override void Advance(int bytes) => pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => pending.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            SendPending();
            return inner.FlushAsync(cancellationToken);
        }

        public override void Complete(Exception? exception = null)
        {
            SendPending();
            inner.Complete(exception);
        }

        private void SendPending()
        {
            if (pending.WrittenCount == 0)
            {
                return;
            }

            var written = pending.WrittenSpan;
            if (Rewrite(written) is { } problem)
            {
                inner.Write(problem);
            }
            else
            {
                inner.Write(written);
            }

            pending.ResetWrittenCount();
        }
    }
}
