using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionWeightAndModelChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "HybridDenseWeight",
                table: "Collections",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingEmbeddingModel",
                table: "Collections",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HybridDenseWeight",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "PendingEmbeddingModel",
                table: "Collections");
        }
    }
}
