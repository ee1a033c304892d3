using LittleRedDot.Server.Storage;

namespace LittleRedDot.Server.Tests.Support;

/// <summary>A real database for one test: what `serve --db` would be given, and a store on it.</summary>
public abstract class TestDatabase : IDisposable
{
    public abstract string Name { get; }

    /// <summary>The --db value: a SQLite file path or a PostgreSQL connection string.</summary>
    public abstract string Db { get; }

    public IRoomStore Store() => RoomStores.Open(Db);

    /// <summary>Skips the test, visibly and with the reason, where this database cannot be had.</summary>
    public virtual void SkipIfUnavailable()
    {
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
