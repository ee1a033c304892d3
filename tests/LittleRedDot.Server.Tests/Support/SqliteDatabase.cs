namespace LittleRedDot.Server.Tests.Support;

/// <summary>A SQLite file in the test's temporary folder.</summary>
public sealed class SqliteDatabase(TestPack pack) : TestDatabase
{
    public override string Name => "SQLite";

    public override string Db { get; } = pack.PathFor($"room-{Guid.NewGuid():N}.db");
}
