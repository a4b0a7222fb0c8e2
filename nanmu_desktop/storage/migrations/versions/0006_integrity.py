"""integrity: a version on cases (stale forms are refused), the issue key of a document (a retry
finds it), the database's identity (the audit key is looked up by it) and the register's
high-water mark (a deleted register row cannot lower it)

Revision ID: 0006_integrity
Revises: 0005_users
Create Date: 2026-11-30 11:10:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0006_integrity'
down_revision = '0005_users'
branch_labels = None
depends_on = None

# The messages end like every protective trigger's, so the app reports them as refusals.
META_REFUSAL = "数据库标识与校验设置不可修改或删除"
HIGH_WATER_REFUSAL = "文号最高号记录不可修改或删除"
HIGH_WATER_TRIGGERS = (
    # Never removed, never lowered: a deleted register row cannot make a number free again.
    "CREATE TRIGGER integrity_meta_no_update BEFORE UPDATE ON integrity_meta "
    f"BEGIN SELECT RAISE(ABORT, '{META_REFUSAL}'); END",
    "CREATE TRIGGER integrity_meta_no_delete BEFORE DELETE ON integrity_meta "
    f"BEGIN SELECT RAISE(ABORT, '{META_REFUSAL}'); END",
    "CREATE TRIGGER number_high_water_no_delete BEFORE DELETE ON number_high_water "
    f"BEGIN SELECT RAISE(ABORT, '{HIGH_WATER_REFUSAL}'); END",
    "CREATE TRIGGER number_high_water_no_lower BEFORE UPDATE ON number_high_water "
    f"WHEN NEW.seq < OLD.seq OR NEW.prefix <> OLD.prefix OR NEW.year <> OLD.year "
    f"BEGIN SELECT RAISE(ABORT, '{HIGH_WATER_REFUSAL}'); END",
    # Every number drawn raises the mark in the same transaction, whoever inserts it.
    "CREATE TRIGGER number_register_raises_high_water AFTER INSERT ON number_register "
    "BEGIN INSERT INTO number_high_water (prefix, year, seq) VALUES (NEW.prefix, NEW.year, NEW.seq) "
    "ON CONFLICT (prefix, year) DO UPDATE SET seq = excluded.seq "
    "WHERE excluded.seq > number_high_water.seq; END",
)


def upgrade() -> None:
    # Plain ALTER TABLE: a batch copy would drop the tables' triggers.
    op.add_column('cases', sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
    op.add_column('issued_documents', sa.Column('issue_key', sa.String(length=120), nullable=True))
    op.create_index('ix_issued_documents_issue_key', 'issued_documents', ['issue_key'])
    op.create_table(
        'integrity_meta',
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('value', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_integrity_meta')),
    )
    op.create_table(
        'number_high_water',
        sa.Column('prefix', sa.String(length=20), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('prefix', 'year', name=op.f('pk_number_high_water')),
    )
    op.execute(
        sa.text("INSERT INTO integrity_meta (key, value) VALUES ('database_id', :id)").bindparams(
            id=str(uuid.uuid4())
        )
    )
    op.execute(
        "INSERT INTO number_high_water (prefix, year, seq) "
        "SELECT prefix, year, max(seq) FROM number_register GROUP BY prefix, year"
    )
    for statement in HIGH_WATER_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name in (
        'number_register_raises_high_water',
        'number_high_water_no_lower',
        'number_high_water_no_delete',
        'integrity_meta_no_delete',
        'integrity_meta_no_update',
    ):
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table('number_high_water')
    op.drop_table('integrity_meta')
    op.drop_index('ix_issued_documents_issue_key', 'issued_documents')
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the tables' triggers.
    op.drop_column('issued_documents', 'issue_key')
    op.drop_column('cases', 'version')
