"""legal truth: decisions carry their own basis, ground, measure and stored deadline; cases a
reference date; regulation versions kept in the database

Revision ID: 0002_legal_truth
Revises: 0001_initial
Create Date: 2026-11-30 11:00:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0002_legal_truth'
down_revision = '0001_initial'
branch_labels = None
depends_on = None

GROUNDS = ('art12', 'art9', 'art10_exempt', 'art10_lenient', 'art11', 'none')


def upgrade() -> None:
    # Plain ALTER TABLE on cases: a batch copy would drop its search-index trigger.
    op.add_column('cases', sa.Column('reference_date', sa.Date(), nullable=True))
    op.add_column(
        'cases', sa.Column('reference_reason', sa.Text(), nullable=False, server_default='')
    )
    with op.batch_alter_table('determinations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decided_ground', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('decided_basis', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('decided_citations', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('measure', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('notification_deadline', sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column('notification_rule', sa.Text(), nullable=False, server_default='')
        )
        batch_op.add_column(sa.Column('deadline_warnings', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('corrected_at', sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column('correction_reason', sa.Text(), nullable=False, server_default='')
        )
        batch_op.create_check_constraint(
            'decided_ground',
            "decided_ground IS NULL OR decided_ground IN ("
            + ", ".join(f"'{g}'" for g in GROUNDS) + ")",
        )
    op.create_table('regulation_versions',
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('stored_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_regulation_versions'))
    )
    _backfill_decisions()


def _backfill_decisions() -> None:
    """Decisions recorded before this revision get the basis of what was decided."""
    from nanmu_desktop.domain.decisions import basis_for, single_items
    from nanmu_desktop.domain.engine import determine
    from nanmu_desktop.domain.facts import Facts
    from nanmu_desktop.domain.outcomes import Outcome
    from nanmu_desktop.domain.regulation_loader import load_regulation

    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, facts, regulation_version, decided_outcome FROM determinations "
        "WHERE decided_outcome IS NOT NULL"
    )).fetchall()
    for row_id, facts_json, version, decided in rows:
        facts = Facts.from_dict(_json(facts_json))
        regulation = load_regulation(version)
        assert regulation.rulebook is not None
        ground = determine(facts, regulation).ground
        basis = basis_for(facts, ground, Outcome(decided), regulation.rulebook)
        connection.execute(
            sa.text("UPDATE determinations SET decided_ground = :g, decided_basis = :b, "
                    "decided_citations = :c WHERE id = :id"),
            {"g": ground.value, "b": json.dumps([c.format() for c in basis], ensure_ascii=False),
             "c": json.dumps([c.format() for c in single_items(basis)], ensure_ascii=False),
             "id": row_id},
        )


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def downgrade() -> None:
    op.drop_table('regulation_versions')
    with op.batch_alter_table('determinations', schema=None) as batch_op:
        batch_op.drop_constraint('decided_ground', type_='check')
        for column in ('correction_reason', 'corrected_at', 'deadline_warnings',
                       'notification_rule', 'notification_deadline', 'measure',
                       'decided_citations', 'decided_basis', 'decided_ground'):
            batch_op.drop_column(column)
    op.drop_column('cases', 'reference_reason')
    op.drop_column('cases', 'reference_date')
