namespace Designer.Persistence;

/// <summary>Where an outbound notification stands. Delivered rows are deleted.</summary>
public enum NotificationState
{
    /// <summary>Waiting for its (next) delivery attempt.</summary>
    Pending,

    /// <summary>Gave up after the subscriber's most attempts; an admin may retry it.</summary>
    DeadLetter,
}
