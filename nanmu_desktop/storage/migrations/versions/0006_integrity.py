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

from nanmu_desktop.storage.backends import ddl

revision = '0006_integrity'
down_revision = '0005_users'
branch_labels = None
depends_on = None

# The messages end like every protective trigger's, so the app reports them as refusals.
META_REFUSAL = "数据库标识与校验设置不可修改或删除"
HIGH_WATER_REFUSAL = "文号最高号记录不可修改或删除"


def _triggers(dialect: str) -> list[str]:
    return [
        *ddl.functions(dialect),
        *ddl.refusal_trigger(dialect, "integrity_meta", "UPDATE", META_REFUSAL),
        *ddl.refusal_trigger(dialect, "integrity_meta", "DELETE", META_REFUSAL),
        # Never removed, never lowered: a deleted register row cannot make a number free again.
        *ddl.refusal_trigger(dialect, "number_high_water", "DELETE", HIGH_WATER_REFUSAL),
        *ddl.refusal_trigger(
            dialect, "number_high_water", "UPDATE", HIGH_WATER_REFUSAL,
            when="NEW.seq < OLD.seq OR NEW.prefix <> OLD.prefix OR NEW.year <> OLD.year",
        ),
        # Every number drawn raises the mark in the same transaction, whoever inserts it.
        *ddl.raises_high_water(dialect),
    ]


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
    for statement in _triggers(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    names = [
        ('number_register_raises_high_water', 'number_register'),
        ('number_high_water_no_lower', 'number_high_water'),
        ('number_high_water_no_delete', 'number_high_water'),
        ('integrity_meta_no_delete', 'integrity_meta'),
        ('integrity_meta_no_update', 'integrity_meta'),
    ]
    if dialect == 'postgresql':
        names += [('number_high_water_no_truncate', 'number_high_water'),
                  ('integrity_meta_no_truncate', 'integrity_meta')]
    for name, table in names:
        op.execute(ddl.drop_trigger(dialect, name, table))
    op.drop_table('number_high_water')
    op.drop_table('integrity_meta')
    op.drop_index('ix_issued_documents_issue_key', 'issued_documents')
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the tables' triggers.
    op.drop_column('issued_documents', 'issue_key')
    op.drop_column('cases', 'version')
