using System.Text.Json.Serialization;

namespace LittleRedDot.Content.Rooms;

/// <summary>
/// The bodies of RULES.md §9 as the client reads and writes them, through System.Text.Json's source
/// generator: no reflection, so the client works in the NativeAOT binary. Fields a room may leave out
/// are nullable; unknown fields are ignored, so a newer room can say more.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RoomWire.Accepted))]
[JsonSerializable(typeof(RoomWire.Problem))]
[JsonSerializable(typeof(RoomWire.Round))]
[JsonSerializable(typeof(RoomWire.Board))]
internal sealed partial class RoomJson : JsonSerializerContext;
