using System.Runtime.ExceptionServices;

namespace LittleRedDot.Content;

/// <summary>
/// Makes a level's hash (<see cref="LevelHasher"/>) on a thread of its own, beside the thread that reads the points:
/// the reader fills the point arrays in order and <see cref="Publish"/>es how many are filled, and this thread hashes
/// them up to there. A big CSV's SHA-256 (a third of loading a million rows) then runs while the rows are parsed
/// instead of after each one (issue 13). The text hashed is the same, so the hash is too.
/// </summary>
/// <remarks>The arrays must not be written below the count published, nor replaced, until it is disposed. It owns the hasher.</remarks>
internal sealed class BesideHasher : IDisposable
{
    private readonly object gate = new();
    private readonly LevelHasher hasher;
    private readonly double[] xs;
    private readonly double[] ys;
    private readonly Thread thread;
    private int published;
    private bool closed;
    private ExceptionDispatchInfo? failure;

    /// <summary>Starts the thread; <paramref name="xs"/> and <paramref name="ys"/> are the arrays the reader fills.</summary>
    public BesideHasher(LevelHasher hasher, double[] xs, double[] ys)
    {
        this.hasher = hasher;
        this.xs = xs;
        this.ys = ys;
        thread = new Thread(Run) { IsBackground = true, Name = "level hash" };
        thread.Start();
    }

    /// <summary>The first <paramref name="count"/> points are in the arrays and will not change.</summary>
    public void Publish(int count)
    {
        lock (gate)
        {
            published = count;
            Monitor.Pulse(gate);
        }
    }

    /// <summary>Hashes the points up to <paramref name="count"/>, waits for the thread and gives the hash (lower-case hex).</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The hash could not be made (thrown here, on the reader's thread).</exception>
    public string Finish(int count)
    {
        Publish(count);
        Stop();
        failure?.Throw();
        return hasher.Finish();
    }

    /// <summary>Ends the thread (after the points published so far) and the hash.</summary>
    public void Dispose()
    {
        Stop();
        hasher.Dispose();
    }

    private void Stop()
    {
        lock (gate)
        {
            closed = true;
            Monitor.Pulse(gate);
        }

        thread.Join();
    }

    private void Run()
    {
        var done = 0;
        try
        {
            while (true)
            {
                int upTo;
                bool last;
                lock (gate)
                {
                    while (published == done && !closed)
                    {
                        Monitor.Wait(gate);
                    }

                    upTo = published;
                    last = closed;
                }

                for (; done < upTo; done++)
                {
                    hasher.Add(xs[done], ys[done]);
                }

                if (last)
                {
                    return;
                }
            }
        }
        catch (Exception e)
        {
            // Nothing may escape a thread of its own: the failure is thrown again where the hash is asked for.
            failure = ExceptionDispatchInfo.Capture(e);
        }
    }
}
