namespace Designer.Persistence.Data.Configuration;

/// <summary>Column lengths shared by the entity configurations and the stores' argument checks.</summary>
internal static class Limits
{
    public const int NameLength = 200;
    public const int ActorIdLength = 450;
    public const int ActorNameLength = 256;
    public const int HashLength = 128;
    public const int StatusLength = 32;
    public const int ActionLength = 100;
    public const int EntityIdLength = 200;
    public const int NodeIdLength = 200;
    public const int CheckpointIdLength = 64;
    public const int RoleLength = 64;
    public const int CollectionNameLength = 64;
    public const int DescriptionLength = 2000;
    public const int OwnerLength = 256;
}
