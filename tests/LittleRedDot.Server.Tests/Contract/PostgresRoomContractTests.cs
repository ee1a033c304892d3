using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Contract;

/// <summary>The same contract on a real PostgreSQL database (skipped, saying why, only where none can be had).</summary>
public sealed class PostgresRoomContractTests : RoomContractTests
{
    protected override TestDatabase CreateDatabase(TestPack pack) => new PostgresDatabase();
}
