using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue14ChatModelsAndPayloadRescan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatModelVersions",
                columns: table => new
                {
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusChangedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VersionJson = table.Column<string>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatModelVersions", x => new { x.ModelId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceProgress",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false),
                    Changed = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceProgress", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatModelVersions");

            migrationBuilder.DropTable(
                name: "MaintenanceProgress");
        }
    }
}
